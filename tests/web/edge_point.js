// A viewport point on some graph edge that a click would reach (not covered by a node), or null.
// Conflict and cooperation edges first: their evidence makes the more telling screenshot.
() => {
  const groups = ["conflict", "cooperation", "neutral"].flatMap(
    (q) => Array.from(document.querySelectorAll("#graph .edge-group." + q)));
  for (const group of groups) {
    const path = group.querySelector(".edge-hit");
    const total = path.getTotalLength();
    for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const pt = path.getPointAtLength(total * f), m = path.getScreenCTM();
      const x = pt.x * m.a + pt.y * m.c + m.e, y = pt.x * m.b + pt.y * m.d + m.f;
      const hit = document.elementFromPoint(x, y);
      if (hit && group.contains(hit)) return [x, y];
    }
  }
  return null;
}
