// The Inspection module: the inspection domain (frameworks, bands, triggers, scoring, statistics, verbs)
// arrives with the inspection-analytics issue.
//
// Today it holds `SyntheticDataset` (Synthetic/): a seeded generator of a case-level dataset in the canonical
// layout. Everything it produces is SYNTHETIC: area codes start `SYN`, area names read `Synthetic Area 001`,
// and no figure describes a real Youth Offending Team. It exists to exercise and benchmark the engine at the
// scale of the real Core Case Inspection (158 areas, 38–99 cases an inspection, 120 questions a case).
