// Placeholder: the engine work defines `Database` here.
