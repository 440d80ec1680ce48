// The newest rows of a list the API gives oldest first, newest first.

/**
 * At most `cap` of the newest items of `path`, newest first, and how many there are in all. The
 * API lists oldest first, so the total is asked for first (a page of none) and the last `cap` rows
 * are then asked for: asking for the first `cap` would show the oldest meetings of a long history.
 */
export async function newestFirst(fetchPage, path, cap) {
  let { total } = await fetchPage(path, { limit: 0 });
  // A change in the notes between the two requests moves the end: ask again from the new one.
  for (let tries = 0; ; tries++) {
    const page = await fetchPage(path, { offset: Math.max(0, total - cap), limit: cap });
    if (page.total === total || tries === 2) return { items: [...page.items].reverse(), total: page.total };
    total = page.total;
  }
}
