import Ink

/// Prose of a notebook as HTML, through Ink (a well-kept Markdown parser) rather than one written here.
enum NotebookMarkdown {
    static func html(_ markdown: String) -> String {
        MarkdownParser().html(from: markdown)
    }
}
