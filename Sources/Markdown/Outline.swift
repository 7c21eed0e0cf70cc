/// The parts of a Markdown document that followup reads, in document order, as plain Swift values.
///
/// Only headings, list items and paragraphs are kept: sections are found by headings, every action
/// item and log entry is a list item, and paragraphs hold what the note says about the people met
/// (drafts quote it). Code blocks and HTML blocks are leaves in CommonMark, so a list written inside
/// one never appears here; blocks inside a block quote appear marked `isQuoted`.
public struct Outline: Sendable, Equatable {
    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }
}

/// One heading, list item or paragraph of an ``Outline``.
public enum Block: Sendable, Equatable {
    case heading(Heading)
    case listItem(ListItem)
    /// A paragraph that is not the first paragraph of a list item (that one is the item's text).
    case paragraph(Paragraph)
}

/// A paragraph, with its inline content flattened to text (soft and hard line breaks become spaces).
public struct Paragraph: Sendable, Equatable {
    public var text: String
    public var position: SourcePosition
    public var isQuoted: Bool

    public init(text: String, position: SourcePosition, isQuoted: Bool = false) {
        self.text = text
        self.position = position
        self.isQuoted = isQuoted
    }
}

/// A position in the source: 1-based line and 1-based byte column, as cmark reports them.
public struct SourcePosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// An ATX or setext heading, with its inline content flattened to text.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var position: SourcePosition
    public var isQuoted: Bool

    public init(level: Int, text: String, position: SourcePosition, isQuoted: Bool = false) {
        self.level = level
        self.text = text
        self.position = position
        self.isQuoted = isQuoted
    }
}

/// A list item: the text of its first paragraph, and its task-list box if it has one.
///
/// Plain CommonMark has no task-list node, so `- [ ] call Sarah` arrives as an item whose first
/// paragraph starts with `[ ] `; that prefix becomes ``task`` and is removed from ``text``.
/// Nested lists are separate items with a greater ``depth``.
public struct ListItem: Sendable, Equatable {
    /// Whether a task-list item is ticked.
    public enum Task: Sendable, Equatable {
        case open
        case done
    }

    public var text: String
    public var task: Task?
    public var position: SourcePosition
    /// 0 for an item of a top-level list, 1 for an item of a list inside it, and so on.
    public var depth: Int
    public var isQuoted: Bool

    public init(
        text: String, task: Task? = nil, position: SourcePosition, depth: Int = 0,
        isQuoted: Bool = false
    ) {
        self.text = text
        self.task = task
        self.position = position
        self.depth = depth
        self.isQuoted = isQuoted
    }
}
