# Labels of the debrief. Keys start with debrief-.

debrief-silence = (no decision: time ran out)
