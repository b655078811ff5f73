// Placeholder: the batch runner and error reporter arrive with the core issue.
