//! Flow pass: every scene has a way out, the endings can be reached from every start, and
//! nothing is unreachable. Conditions are ignored here (every branch is assumed possible), so
//! an error means a real dead end, never a guess.

use super::{Ctx, Outcome};
use crate::msg;
use crate::scenario::diagnostic::{Code, Finding};
use crate::scenario::model::Next;

/// A node of the story graph: a scene or an ending.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Node {
    Scene(usize),
    Ending(usize),
}

pub(super) fn check(ctx: &Ctx, outcomes: &[Outcome], out: &mut Vec<Finding>) {
    let s = ctx.s;
    let n_scenes = s.scenes.len();
    let n = n_scenes + s.endings.len();
    let id = |node: Node| match node {
        Node::Scene(i) => i,
        Node::Ending(i) => n_scenes + i,
    };
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut uses_end = None;
    // Injects can fire anywhere, so their targets count as reachable from the start.
    let mut extra_starts = Vec::new();
    for o in outcomes {
        let mut targets = Vec::new();
        if let Some(next) = o.next {
            collect(ctx, next, &mut targets, &mut uses_end, o);
        }
        match o.scene {
            Some(from) => edges[from].extend(targets.iter().map(|t| id(*t))),
            None => extra_starts.extend(targets.iter().map(|t| id(*t))),
        }
    }
    let all_endings: Vec<usize> = (0..s.endings.len()).map(|e| id(Node::Ending(e))).collect();
    if uses_end.is_some() {
        for (i, scene) in s.scenes.iter().enumerate() {
            let goes_to_end = scene.choices.iter().map(|c| &c.next).chain(scene.timer.as_ref().map(|t| &t.next)).any(has_end);
            if goes_to_end {
                edges[i].extend(&all_endings);
            }
        }
    }
    if let Some(path) = &uses_end {
        for role in &s.roles {
            let fallback = s.endings.iter().any(|e| e.condition.is_none() && (e.roles.is_empty() || e.roles.contains(&role.id)));
            if !fallback && !s.endings.is_empty() {
                out.push(
                    Finding::at(Code::NoFallbackEnding, path.clone(), msg!("diag-end-is-used-but-every-ending", id = &role.id))
                        .with_help(msg!("diag-add-ending-without-condition-at-end")),
                );
            }
        }
    }
    roles(ctx, out);

    // A scene the trainee cannot leave.
    for (i, scene) in s.scenes.iter().enumerate() {
        if scene.choices.is_empty() && scene.timer.is_none() {
            out.push(
                Finding::at(Code::NoWayOut, format!("scenes[{i}]"), msg!("diag-scene-has-no-choices-and-no", id = &scene.id))
                    .with_help(msg!("diag-add-choice-e-g-continue-leading")),
            );
        } else if scene.timer.is_none() && scene.choices.iter().all(|c| c.condition.is_some()) {
            out.push(
                Finding::at(
                    Code::MaybeNoWayOut,
                    format!("scenes[{i}].choices"),
                    msg!("diag-every-choice-in-scene-has-condition", id = &scene.id),
                )
                .with_help(msg!("diag-leave-one-choice-without-condition-or")),
            );
        }
    }

    // Forward reachability from every start.
    let mut starts: Vec<usize> = ctx.scenes.get(s.start.as_str()).copied().into_iter().collect();
    starts.extend(s.roles.iter().filter_map(|r| r.start.as_deref()).filter_map(|st| ctx.scenes.get(st).copied()));
    starts.extend(extra_starts);
    let reached = walk(&starts, &edges);
    // Every `Scene("x")` goes to the first scene called x; a later one with the same id can
    // only be reached by a road that no longer exists. Which unreached nodes would be reached
    // if such roads led to every twin, and through which twin: those follow from the duplicate.
    let twins = Twins::new(ctx, n_scenes);
    let via_twin = twins.reached_only_through(&starts, &edges, &reached);

    // Backward reachability from the endings.
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (from, tos) in edges.iter().enumerate() {
        for &to in tos {
            reverse[to].push(from);
        }
    }
    let can_end = walk(&all_endings, &reverse);

    let start_ok = ctx.scenes.get(s.start.as_str()).is_some_and(|&i| can_end[i]);
    if ctx.scenes.contains_key(s.start.as_str()) && !start_ok {
        out.push(
            Finding::at(Code::NoEndingReachable, "start", msg!("diag-no-ending-can-be-reached-from"))
                .with_help(msg!("diag-check-choices-next-at-least-one")),
        );
    }
    for (i, scene) in s.scenes.iter().enumerate() {
        if !reached[i]
            && let Some(twin) = via_twin[i]
        {
            out.push(twins.unreachable(ctx, Node::Scene(i), twin));
        } else if !reached[i] {
            out.push(
                Finding::at(Code::Unreachable, format!("scenes[{i}].id"), msg!("diag-no-path-leads-to-scene", id = &scene.id))
                    .with_help(msg!("diag-point-choice-at-it-scene-or", id = &scene.id)),
            );
        } else if start_ok && !can_end[i] && !(scene.choices.is_empty() && scene.timer.is_none()) {
            out.push(
                Finding::at(Code::NoEndingReachable, format!("scenes[{i}].id"), msg!("diag-no-ending-from-scene", id = &scene.id))
                    .with_help(msg!("diag-give-this-loop-way-out")),
            );
        }
    }
    for (e, ending) in s.endings.iter().enumerate() {
        if !reached[id(Node::Ending(e))]
            && let Some(twin) = via_twin[id(Node::Ending(e))]
        {
            out.push(twins.unreachable(ctx, Node::Ending(e), twin));
        } else if !reached[id(Node::Ending(e))] {
            out.push(Finding::at(Code::Unreachable, format!("endings[{e}].id"), msg!("diag-no-path-leads-to-ending", id = &ending.id)));
        }
    }
}

/// Walks the story once per role, following only the choices that role has, and reports scenes
/// and endings limited to other roles that the role can still reach.
fn roles(ctx: &Ctx, out: &mut Vec<Finding>) {
    let s = ctx.s;
    if s.roles.len() < 2 && s.scenes.iter().all(|sc| sc.roles.is_empty()) && s.endings.iter().all(|e| e.roles.is_empty()) {
        return;
    }
    let mut reported = rustc_hash::FxHashSet::default();
    for role in &s.roles {
        let allowed = |list: &[String]| list.is_empty() || list.contains(&role.id);
        let start = role.start.as_deref().unwrap_or(&s.start);
        let mut stack: Vec<usize> = ctx.scenes.get(start).copied().into_iter().collect();
        for inj in s.injects.iter().filter(|i| allowed(&i.roles)) {
            if let Some(next) = &inj.next {
                push_targets(ctx, next, &mut stack, &mut Vec::new());
            }
        }
        let mut seen = vec![false; s.scenes.len()];
        let mut endings = Vec::new();
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            let scene = &s.scenes[i];
            if !allowed(&scene.roles) && reported.insert(("scene", i)) {
                out.push(
                    Finding::at(
                        Code::RoleMismatch,
                        format!("scenes[{i}].roles"),
                        msg!("diag-role-can-reach-scene-which-is", role = &role.id, id = &scene.id, roles = scene.roles.join(", ")),
                    )
                    .with_help(msg!("diag-route-roles-with-choices-roles-lists")),
                );
            }
            let nexts = scene.choices.iter().filter(|c| allowed(&c.roles)).map(|c| &c.next).chain(scene.timer.as_ref().map(|t| &t.next));
            for next in nexts {
                push_targets(ctx, next, &mut stack, &mut endings);
            }
        }
        for e in endings {
            let ending = &s.endings[e];
            if !allowed(&ending.roles) && reported.insert(("ending", e)) {
                out.push(Finding::at(
                    Code::RoleMismatch,
                    format!("endings[{e}].roles"),
                    msg!("diag-role-can-reach-ending-which-is", role = &role.id, id = &ending.id, roles = ending.roles.join(", ")),
                ));
            }
        }
    }
}

/// Scene and ending targets of a `next` (endings named explicitly; `End` chooses by role itself).
fn push_targets(ctx: &Ctx, next: &Next, scenes: &mut Vec<usize>, endings: &mut Vec<usize>) {
    match next {
        Next::Scene(id) => scenes.extend(ctx.scenes.get(id.as_str())),
        Next::Ending(id) => endings.extend(ctx.endings.get(id.as_str())),
        Next::End => {}
        Next::Random(branches) => {
            for b in branches {
                push_targets(ctx, &b.next, scenes, endings);
            }
        }
    }
}

fn has_end(next: &Next) -> bool {
    match next {
        Next::End => true,
        Next::Random(branches) => branches.iter().any(|b| has_end(&b.next)),
        _ => false,
    }
}

fn collect(ctx: &Ctx, next: &Next, targets: &mut Vec<Node>, uses_end: &mut Option<String>, o: &Outcome) {
    match next {
        Next::Scene(id) => targets.extend(ctx.scenes.get(id.as_str()).map(|&i| Node::Scene(i))),
        Next::Ending(id) => targets.extend(ctx.endings.get(id.as_str()).map(|&i| Node::Ending(i))),
        Next::End => {
            uses_end.get_or_insert_with(|| format!("{}.next", o.path()));
        }
        // Each branch is an outcome of its own and is collected as such.
        Next::Random(_) => {}
    }
}

/// Scenes and endings whose id repeats an earlier one's, in node numbering (scenes, then endings).
struct Twins {
    n_scenes: usize,
    /// For each node that is the first of its id, the later nodes with the same id.
    later: Vec<Vec<usize>>,
    /// For each later twin, the first node with its id.
    first: Vec<Option<usize>>,
}

impl Twins {
    fn new(ctx: &Ctx, n_scenes: usize) -> Twins {
        let s = ctx.s;
        let n = n_scenes + s.endings.len();
        let mut twins = Twins { n_scenes, later: vec![Vec::new(); n], first: vec![None; n] };
        for (i, scene) in s.scenes.iter().enumerate() {
            if let Some(&f) = ctx.scenes.get(scene.id.as_str())
                && f != i
            {
                twins.later[f].push(i);
                twins.first[i] = Some(f);
            }
        }
        for (e, ending) in s.endings.iter().enumerate() {
            if let Some(&f) = ctx.endings.get(ending.id.as_str())
                && f != e
            {
                twins.later[n_scenes + f].push(n_scenes + e);
                twins.first[n_scenes + e] = Some(n_scenes + f);
            }
        }
        twins
    }

    /// For each node not `reached`, the later twin through which it would be reached if every
    /// road to an id led to all nodes with that id; `None` where that would not reach it either.
    fn reached_only_through(&self, starts: &[usize], edges: &[Vec<usize>], reached: &[bool]) -> Vec<Option<usize>> {
        let mut via: Vec<Option<usize>> = vec![None; edges.len()];
        if self.first.iter().all(Option::is_none) {
            return via;
        }
        // Twins entered from a reached node (or a start) are where the lost roads begin; one
        // walk from all of them at once labels each node with the twin that reached it first.
        let mut stack: Vec<(usize, usize)> = Vec::new();
        let entered = starts.iter().copied().chain((0..edges.len()).filter(|&v| reached[v]).flat_map(|v| edges[v].iter().copied()));
        for t in entered {
            for &twin in &self.later[t] {
                stack.push((twin, twin));
            }
        }
        while let Some((v, twin)) = stack.pop() {
            if reached[v] || via[v].is_some() {
                continue;
            }
            via[v] = Some(twin);
            for &to in &edges[v] {
                stack.push((to, twin));
                for &later in &self.later[to] {
                    stack.push((later, twin));
                }
            }
        }
        via
    }

    fn is_scene(&self, node: usize) -> bool {
        node < self.n_scenes
    }

    fn id_path(&self, node: usize) -> String {
        if self.is_scene(node) { format!("scenes[{node}].id") } else { format!("endings[{}].id", node - self.n_scenes) }
    }

    /// An unreachable warning that says which duplicated id it follows from.
    fn unreachable(&self, ctx: &Ctx, node: Node, twin: usize) -> Finding {
        let s = ctx.s;
        let (path, kind, id) = match node {
            Node::Scene(i) => (format!("scenes[{i}].id"), "diag-kind-scene", s.scenes[i].id.as_str()),
            Node::Ending(e) => (format!("endings[{e}].id"), "diag-kind-ending", s.endings[e].id.as_str()),
        };
        let twin_id = if self.is_scene(twin) { &s.scenes[twin].id } else { &s.endings[twin - self.n_scenes].id };
        let twin_kind = if self.is_scene(twin) { "diag-kind-scene" } else { "diag-kind-ending" };
        let itself = path == self.id_path(twin);
        // The copy's own warning sits at its cause's place and sorts right after it already.
        if itself {
            return Finding::at(Code::Unreachable, path, msg!("diag-no-path-leads-to-this-its", kind = msg!(kind), id = id))
                .with_help(msg!("diag-give-it-new-id-and-point"));
        }
        Finding::at(
            Code::Unreachable,
            path,
            msg!("diag-no-path-leads-to-way-to", kind = msg!(kind), id = id, twin = msg!(twin_kind), twin_id = twin_id),
        )
        .with_help(msg!("diag-give-repeated-new-id-first-this", twin = msg!(twin_kind), twin_id = twin_id))
        .following(crate::scenario::diagnostic::Location::Path(self.id_path(twin)))
    }
}

/// Marks every node reachable from `starts` along `edges`.
fn walk(starts: &[usize], edges: &[Vec<usize>]) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut stack: Vec<usize> = starts.to_vec();
    while let Some(v) = stack.pop() {
        if !std::mem::replace(&mut seen[v], true) {
            stack.extend(&edges[v]);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::super::tests::{BASE, codes, run_on};
    use crate::scenario::diagnostic::Code;

    #[test]
    fn finds_dead_ends_and_unreachable_scenes() {
        let src = BASE.replace(
            "(id: \"s2\", text: \"结束前\", choices: [",
            "(id: \"orphan\", text: \"没人来\"),\n(id: \"s2\", text: \"结束前\", choices: [",
        );
        let got = codes(&run_on(&src));
        assert!(got.contains(&(Code::NoWayOut, "scenes[1]".into())), "{got:?}");
        assert!(got.contains(&(Code::Unreachable, "scenes[1].id".into())), "{got:?}");
    }

    #[test]
    fn finds_loops_without_exit_and_missing_fallback() {
        let src = BASE.replace("next: End),", "next: Scene(\"s2\")),").replace("next: Ending(\"bad\")", "next: Scene(\"s1\")");
        let got = codes(&run_on(&src));
        assert!(got.contains(&(Code::NoEndingReachable, "start".into())), "{got:?}");
        let src = BASE.replace("(id: \"bad\", title: \"坏结局\",", "(id: \"bad\", title: \"坏结局\", condition: \"trust < 60\",");
        let got = codes(&run_on(&src));
        assert!(got.contains(&(Code::NoFallbackEnding, "scenes[1].choices[0].next".into())), "{got:?}");
    }

    #[test]
    fn roles_cannot_wander_into_scenes_for_others() {
        let src = BASE
            .replace(
                "roles: [(id: \"clerk\", name: \"干事\", briefing: \"你是干事\")]",
                "roles: [(id: \"clerk\", name: \"干事\", briefing: \"你是干事\"), (id: \"chief\", name: \"主任\", briefing: \"你是主任\")]",
            )
            .replace("(id: \"s2\", text: \"结束前\",", "(id: \"s2\", roles: [\"chief\"], text: \"结束前\",");
        let got = codes(&run_on(&src));
        assert!(got.contains(&(Code::RoleMismatch, "scenes[1].roles".into())), "{got:?}");
        let routed = src.replace("feedback: \"好\", scores: {\"law\": 1}", "feedback: \"好\", roles: [\"chief\"], scores: {\"law\": 1}");
        let got = codes(&run_on(&routed));
        assert!(!got.iter().any(|(c, _)| *c == Code::RoleMismatch), "{got:?}");
    }

    #[test]
    fn a_loop_after_the_start_is_reported_at_its_scene() {
        let src = BASE.replace("next: End),", "next: Scene(\"s2\")),");
        let got = codes(&run_on(&src));
        assert!(got.contains(&(Code::NoEndingReachable, "scenes[1].id".into())), "{got:?}");
        assert!(got.contains(&(Code::Unreachable, "endings[0].id".into())), "{got:?}");
    }
}
