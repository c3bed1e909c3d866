// Loaded before Scalar's script on /api/docs. Zod (inside Scalar) tries `Function("")` once to see whether it may
// compile validators; the page's Content-Security-Policy refuses eval, and Chromium reports the refusal as a console
// error even though Zod catches it. « jitless » tells Zod not to try: it validates the same way, without eval.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true });

// Scalar writes `<html>` without a language: the reference's words (summaries, descriptions, errors) are French, so the
// page says so, for screen readers' pronunciation (axe-core's « html-has-lang », RGAA 8.3).
document.documentElement.lang = "fr";
