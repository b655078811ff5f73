import Ink

/// Prose of a notebook as HTML, through Ink (a well-kept Markdown parser) rather than one written here;
/// code blocks are first rewritten in the one form Ink escapes (`ProseCodeBlocks`).
enum NotebookMarkdown {
    static func html(_ markdown: String) -> String {
        MarkdownParser().html(from: ProseCodeBlocks.normalized(markdown))
    }
}
