// The inspection domain (frameworks, bands, scoring, verbs) arrives with the inspection-analytics issue.
// For now this module holds the synthetic dataset generator.
