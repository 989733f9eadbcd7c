//! Background work on Bevy's `AsyncComputeTaskPool`: exploring a scenario's score ranges, building
//! a debrief, finding the best move for the console. Each job is owned by what it serves (the run,
//! the console), so leaving the run or switching screens drops it: a job not yet started never
//! runs, and the result of one already running is thrown away.

use bevy::tasks::{AsyncComputeTaskPool, Task, TaskPool, block_on, poll_once};

/// Work on the pool, then its result.
#[derive(Debug)]
pub enum Job<T> {
    Running(Task<T>),
    Done(T),
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on the pool.
    pub fn spawn(work: impl FnOnce() -> T + Send + 'static) -> Job<T> {
        Job::Running(AsyncComputeTaskPool::get_or_init(TaskPool::new).spawn(async move { work() }))
    }

    /// Takes the result if the work has finished; true when it finished just now.
    pub fn poll(&mut self) -> bool {
        if let Job::Running(task) = self
            && task.is_finished()
            && let Some(value) = block_on(poll_once(task))
        {
            *self = Job::Done(value);
            return true;
        }
        false
    }

    /// The result, once taken by `poll`.
    pub fn get(&self) -> Option<&T> {
        match self {
            Job::Done(v) => Some(v),
            Job::Running(_) => None,
        }
    }

    /// Waits for the result (only where leaving a run must not lose its end).
    pub fn wait(&mut self) -> Option<&T> {
        if let Job::Running(task) = self {
            *self = Job::Done(block_on(task));
        }
        self.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_gives_its_result_once_done_and_waiting_takes_it() {
        let mut job = Job::spawn(|| 6 * 7);
        let mut polled = false;
        for _ in 0..10_000 {
            if job.poll() {
                polled = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert!(polled, "the pool ran the job");
        assert_eq!(job.get(), Some(&42));
        assert!(!job.poll(), "it finished once");
        let mut other = Job::spawn(|| "late");
        assert_eq!(other.wait(), Some(&"late"));
    }
}
