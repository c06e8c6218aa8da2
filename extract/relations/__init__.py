"""Relations between the facts of a document: the date each fact belongs to (``period``) and
the changes that link facts to a verb of change (``31 күннен 10 күнге қысқарды``). A stage
after the facts are built: it reads the text and the facts, never the rules."""
