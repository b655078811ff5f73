// The Inspection module: the inspection domain as pure functions over `Table`s (no I/O but reading
// framework files).
//
// - Frameworks/: frameworks as data (`Datasets/frameworks/*.json`, decoded by `JSONDecoder`): measures,
//   band scales with their evidence, trigger rules, friendly names; `FrameworkLoader` checks a file and names
//   the file and field at fault.
// - Statistics/: Wilson interval, difference of proportions (Newcombe / Miettinen–Nurminen score), clustered
//   proportions (design effect), funnel limits with over-dispersion (Spiegelhalter 2005).
// - Scoring/: pooled scores from judgements (seed Appendix 5) and the united `scores` table (published and
//   computed rows, bands by rule, youth totals and overall ratings), each row saying which it is.
// - Data/: a session's areas, inspections and scores as values; `PeriodEnd` for printed dates.
// - Verbs/: profile, compare, triggers, ranges, distribution, deltas (inspections and outcome indicators),
//   funnel. The Shell registers them as table functions and rewrites verb statements (Sources/Shell/Verbs).
// - Synthetic/: a seeded generator of a case-level dataset in the canonical layout. Everything it produces
//   is SYNTHETIC: area codes start `SYN`, area names read `Synthetic Area 001`.
