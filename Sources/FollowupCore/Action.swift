/// One thing to send or do, to whom, and by when: a line of NEXT.md.
public struct Action: Sendable, Equatable {
    /// What kind of advice produced the action; the raw values are the JSON `kind`.
    public enum Kind: String, Sendable, CaseIterable {
        case thankYou = "thank-you"
        case deliverable
        case task
        case followUp = "follow-up"
        case moveOn = "move-on"
        case replyOffer = "reply-offer"
        case askFeedback = "ask-feedback"
    }

    /// Who it goes to, when the notes say.
    public var to: String?
    public var due: Day
    /// What to do, as a sentence.
    public var title: String {
        get { storedTitle.text }
        set { storedTitle = .text(newValue) }
    }
    /// The note it comes from, relative to the vault.
    public var note: String
    /// The company and role, in one object shared by all of an application's actions: a large
    /// vault plans hundreds of thousands of actions, and each would otherwise carry both strings.
    /// Nil only in the empty action left where one was moved from (see ``move(from:to:)``).
    private(set) var opening: Opening?
    // The one-byte fields right after the title, whose own tag byte ends it, and the line last:
    // that way an action is 72 bytes, not 80 (ActionOrderTests.anActionIsSeventyTwoBytes).
    private var storedTitle: Title
    /// 0 for none.
    private var storedAttempt: UInt8
    public var kind: Kind
    private var storedLine: Int32

    public var company: String {
        get { opening?.company ?? "" }
        set { opening = Opening(company: newValue, role: role) }
    }

    public var role: String? {
        get { opening?.role }
        set { opening = Opening(company: company, role: newValue) }
    }

    /// 1 or 2 for a check-in; nil for every other kind.
    public var attempt: Int? {
        get { storedAttempt == 0 ? nil : Int(storedAttempt) }
        set { storedAttempt = UInt8(clamping: newValue ?? 0) }
    }

    /// The line of that note it comes from.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public init(
        kind: Kind, company: String, role: String?, to: String?, due: Day, attempt: Int? = nil, title: String,
        note: String, line: Int
    ) {
        self.init(
            kind: kind, opening: Opening(company: company, role: role), to: to, due: due, attempt: attempt,
            title: title, note: note, line: line)
    }

    init(
        kind: Kind, opening: Opening?, to: String?, due: Day, attempt: Int? = nil, title: String, note: String,
        line: Int
    ) {
        self.kind = kind
        self.opening = opening
        self.to = to
        self.due = due
        storedAttempt = UInt8(clamping: attempt ?? 0)
        storedTitle = .text(title)
        self.note = note
        storedLine = Int32(clamping: line)
    }

    /// The action for the action item at `index` in `note`, whose text is its title.
    init(
        kind: Kind, opening: Opening, to: String?, due: Day, itemAt index: Int, of note: InterviewNote, line: Int
    ) {
        // Each field set once, not through the initializer above and a second title: a vault plans
        // one of these for every open action item.
        self.kind = kind
        self.opening = opening
        self.to = to
        self.due = due
        storedAttempt = 0
        storedTitle = .item(Int32(index), of: note)
        self.note = note.path
        storedLine = Int32(clamping: line)
    }

    /// An action's title: its own text, or the text of the action item it comes from, read from
    /// the note when asked. A large vault's action items are most of its actions, and their texts
    /// are in the notes already: as strings of their own they were 18 MB at 100,000 notes.
    private enum Title: Sendable {
        case text(String)
        case item(Int32, of: InterviewNote)

        var text: String {
            switch self {
            case .text(let text): text
            case .item(let index, let note): note.actionItemText(at: Int(index))
            }
        }

        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            switch self {
            case .text(var text): text.withUTF8(body)
            case .item(let index, let note): note.withActionItemText(at: Int(index), body)
            }
        }
    }

    /// Calls `body` with the UTF-8 bytes of ``title``, without making a String of an action
    /// item's text: NEXT.md writes every action's title.
    func withTitleBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        storedTitle.withBytes(body)
    }

    /// The note of the action item the action comes from, when it comes from one.
    var itemNote: InterviewNote? {
        if case .item(_, let note) = storedTitle { note } else { nil }
    }

    /// The title up to the due phrase of the action item it comes from (`Send Jonas the doc` of
    /// `Send Jonas the doc by Friday`): what was promised, without its deadline. Where the phrase
    /// starts was kept when the note was read; for a title of its own (or an item of over 64 KB)
    /// it is looked for again, counted from `interview`, the day of the note the item is in.
    func titleWithoutDuePhrase(interview: Day) -> String {
        if case .item(let index, let note) = storedTitle, let start = note.actionItemDuePhraseStart(at: Int(index)) {
            return note.withActionItemText(at: Int(index)) { text in
                String(decoding: UnsafeBufferPointer(rebasing: text.prefix(start)), as: UTF8.self)
            }
        }
        return DatePhrase.beforeDuePhrase(title, from: interview)
    }

    /// A job: the company and the role an application is for, as its latest note spells them.
    final class Opening: Sendable, Equatable {
        let company: String
        let role: String?

        init(company: String, role: String?) {
            self.company = company
            self.role = role
        }

        static func == (lhs: Opening, rhs: Opening) -> Bool {
            lhs === rhs || (lhs.company == rhs.company && lhs.role == rhs.role)
        }
    }

    public static func == (lhs: Action, rhs: Action) -> Bool {
        lhs.kind == rhs.kind && lhs.opening == rhs.opening && lhs.to == rhs.to && lhs.due == rhs.due
            && lhs.storedAttempt == rhs.storedAttempt && lhs.title == rhs.title && lhs.note == rhs.note
            && lhs.storedLine == rhs.storedLine
    }
}

extension Action {
    /// Most urgent first: by due day, then by kind in the order advice gives them (thank-yous
    /// first), then by company, role, recipient and place in the notes. The keys are made once per
    /// action, not once per comparison.
    static func mostUrgentFirst(_ actions: consuming [Action], jobs: Int? = nil) -> [Action] {
        /// What decides most comparisons, in one integer: the due day, the kind and the rank of
        /// the company and role (lower-cased), high bits first. Ties are broken by the actions'
        /// own day and strings, read where they are. No string is copied to sort, and the sort's
        /// arrays are of 8- and 4-byte values: at 100,000 notes they were 11 MB at the peak.
        @Sendable func key(_ action: Action, application: Int32) -> UInt64 {
            let due = UInt64(UInt32(bitPattern: Int32(clamping: action.due.ordinal)) ^ 0x8000_0000)
            return due << 32 | UInt64(action.kind.rank) << 29 | UInt64(application)
        }
        let application = applicationRanks(actions)
        // Through a pointer: a closure holding the array would make the moves below copy it.
        let order = actions.withUnsafeBufferPointer { actions in
            nonisolated(unsafe) let actions = actions
            var keys = [UInt64](count: actions.count, jobs: jobs) { index in
                key(actions[index], application: application[index])
            }
            // Sorted by key in a few passes over the keys, without comparing them (at 100,000
            // notes, comparing was 5.3 million calls of a closure); what is left is to order the
            // actions whose keys tie.
            var order = ascendingOrder(sorting: &keys)
            guard let base = actions.baseAddress else { return order }
            // A run of equal keys is actions due the same day, of the same kind and application;
            // days beyond the key's four bytes share its first or last value, and those that
            // share one are a run too (``orderRuns`` puts each in order). The runs are ordered on
            // all cores, in stretches of whole runs (a few a core), each written into its own
            // places of `order`.
            let threads = max(1, min(jobs ?? Cores.available, keys.count / 4096 + 1))
            let stretchCount = threads == 1 ? 1 : 4 * threads
            var stretches: [Range<Int>] = []
            var stretchStart = 0
            for stretch in 1...stretchCount {
                var end = keys.count * stretch / stretchCount
                while end > stretchStart, end < keys.count, runKey(keys[end]) == runKey(keys[end - 1]) { end += 1 }
                if end > stretchStart { stretches.append(stretchStart..<end) }
                stretchStart = max(stretchStart, end)
            }
            keys.withUnsafeBufferPointer { keys in
                order.withUnsafeMutableBufferPointer { order in
                    nonisolated(unsafe) let (keys, order, base) = (keys, order, base)
                    let stretches = stretches
                    _ = [Bool](count: stretches.count, jobs: threads) { stretch in
                        orderRuns(in: stretches[stretch], keys: keys, order: order, actions: base)
                        return true
                    }
                }
            }
            return order
        }
        // The actions moved into their places in the array they came in, one cycle of the
        // permutation at a time: no second array of them, and no copy (`swapAt` copies through
        // a temporary, a retain and a release per string).
        var sorted = consume actions
        var placed = [Bool](repeating: false, count: order.count)
        sorted.withUnsafeMutableBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            for start in order.indices where !placed[start] {
                // Slot `position` takes the action at `order[position]`; the first one taken
                // closes the cycle.
                let first = (base + start).move()
                var position = start
                while Int(order[position]) != start {
                    (base + position).moveInitialize(from: base + Int(order[position]), count: 1)
                    placed[position] = true
                    position = Int(order[position])
                }
                (base + position).initialize(to: first)
                placed[position] = true
            }
        }
        return sorted
    }
}

extension Action {
    /// Puts each run of equal keys (``runKey(_:)``) within `positions` of `order` in order by the
    /// day (which only tells apart days beyond the key's four bytes), the key, the recipient and
    /// what ``precedesInTheSameApplication(_:_:)`` reads. Ties within an application are mostly
    /// told apart by the recipient: by the first eight bytes of the name, when it is ASCII, as
    /// integers.
    private static func orderRuns(
        in positions: Range<Int>, keys: UnsafeBufferPointer<UInt64>, order: UnsafeMutableBufferPointer<Int32>,
        actions base: UnsafePointer<Action>
    ) {
        var run: [(key: UInt64, recipient: UInt64, action: Int32)] = []
        var start = positions.lowerBound
        while start < positions.upperBound {
            var end = start + 1
            while end < positions.upperBound, runKey(keys[end]) == runKey(keys[start]) { end += 1 }
            defer { start = end }
            guard end - start > 1 else { continue }
            run.removeAll(keepingCapacity: true)
            for position in start..<end {
                run.append((keys[position], recipientKey(base[Int(order[position])].to), order[position]))
            }
            run.sort { a, b in
                let (lhs, rhs) = (base + Int(a.action), base + Int(b.action))
                if lhs.pointee.due != rhs.pointee.due { return lhs.pointee.due < rhs.pointee.due }
                if a.key != b.key { return a.key < b.key }
                if a.recipient != b.recipient, a.recipient != unknownRecipient, b.recipient != unknownRecipient {
                    return a.recipient < b.recipient
                }
                return precedesInTheSameApplication(lhs, rhs)
            }
            for (offset, member) in run.enumerated() { order[start + offset] = member.action }
        }
    }

    /// The first eight bytes of an ASCII recipient's name (none is empty), big-endian: integer
    /// order is the names' order as far as it goes, and different integers are different names.
    /// ``unknownRecipient`` for any other name, whose order only the strings tell.
    private static func recipientKey(_ to: String?) -> UInt64 {
        guard var name = to else { return 0 }
        return name.withUTF8 { bytes in
            guard Text.isASCII(bytes) else { return unknownRecipient }
            return Text.prefix(of: bytes).0
        }
    }

    /// What actions in one run share: the key, or for a day beyond the key's four bytes (whose
    /// first or last value it takes) just that value.
    private static func runKey(_ key: UInt64) -> UInt64 {
        key >> 32 == 0 || key >> 32 == 0xFFFF_FFFF ? key & 0xFFFF_FFFF_0000_0000 : key
    }

    /// The places of `keys` in ascending order of key, equal keys in the order they come (a
    /// stable sort), and `keys` sorted: a least-significant-digit radix sort, one byte a pass,
    /// skipping the bytes that every key shares (the top of the day, mostly).
    static func ascendingOrder(sorting keys: inout [UInt64]) -> [Int32] {
        precondition(keys.count <= Int(Int32.max), "more keys than an Int32 can number")
        let count = keys.count
        guard let first = keys.first else { return [] }
        let differing = keys.reduce(0) { $0 | ($1 ^ first) }
        // Room for two of each, one half read by a pass and the other written: the halves swap.
        let keyRoom = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 2 * count)
        let orderRoom = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 2 * count)
        let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 256)
        defer {
            keyRoom.deallocate()
            orderRoom.deallocate()
            starts.deallocate()
        }
        _ = keyRoom.initialize(from: keys)
        for position in 0..<count { orderRoom[position] = Int32(position) }
        var (from, to) = (0, count)
        for shift in stride(from: UInt64(0), to: 64, by: 8) where differing >> shift & 0xFF != 0 {
            // Where each byte value's keys start in this pass's output.
            starts.initialize(repeating: 0)
            for key in keyRoom[from..<from + count] { starts[Int(truncatingIfNeeded: key >> shift & 0xFF)] += 1 }
            var total = to
            for value in 0..<256 { (starts[value], total) = (total, total + starts[value]) }
            for position in from..<from + count {
                let value = Int(truncatingIfNeeded: keyRoom[position] >> shift & 0xFF)
                let place = starts[value]
                starts[value] = place + 1
                keyRoom[place] = keyRoom[position]
                orderRoom[place] = orderRoom[position]
            }
            (from, to) = (to, from)
        }
        keys = Array(keyRoom[from..<from + count])
        return Array(orderRoom[from..<from + count])
    }

    /// No ASCII name's key: its bytes are all below 0x80.
    private static let unknownRecipient = UInt64.max

    /// The order of actions due the same day, of the same kind and application: by recipient (none
    /// first), then place in the notes, then title.
    /// Through pointers: a subscript of the actions would copy each one, a retain per string.
    private static func precedesInTheSameApplication(_ lhs: UnsafePointer<Action>, _ rhs: UnsafePointer<Action>)
        -> Bool
    {
        let (leftTo, rightTo) = (lhs.pointee.to ?? "", rhs.pointee.to ?? "")
        if leftTo != rightTo { return leftTo < rightTo }
        if lhs.pointee.note != rhs.pointee.note { return lhs.pointee.note < rhs.pointee.note }
        if lhs.pointee.line != rhs.pointee.line { return lhs.pointee.line < rhs.pointee.line }
        return lhs.pointee.title < rhs.pointee.title
    }

    /// What is left in the slots of moved actions: it holds no object, so neither placing it nor
    /// releasing it touches a reference count.
    private static let moved = Action(
        kind: .task, opening: nil, to: nil, due: Day(ordinal: 0), title: "", note: "", line: 0)

    /// Moves every action of `list` to `destination` (uninitialized, room for all of them) and
    /// returns how many; `list` keeps its length, each slot holding an empty action.
    static func move(from list: inout [Action], to destination: UnsafeMutablePointer<Action>?) -> Int {
        list.withUnsafeMutableBufferPointer { slots in
            guard let start = slots.baseAddress, let destination else { return 0 }
            destination.moveInitialize(from: start, count: slots.count)
            start.initialize(repeating: moved, count: slots.count)
            return slots.count
        }
    }
}

extension Action.Kind {
    /// The place of the kind in the order advice gives them: thank-yous first.
    var rank: Int {
        switch self {
        case .thankYou: 0
        case .deliverable: 1
        case .task: 2
        case .followUp: 3
        case .moveOn: 4
        case .replyOffer: 5
        case .askFeedback: 6
        }
    }
}

extension Action {
    /// For each action, the rank of its company and role among all of them, compared lower-cased
    /// (company first): equal ranks for the same lower-cased pair. Each application's actions come
    /// together, so the pair is looked up once per run, and each distinct pair lower-cased once.
    private static func applicationRanks(_ actions: [Action]) -> [Int32] {
        struct Pair: Hashable {
            let company: String
            let role: String?
        }
        var pairs: [Pair] = []
        var numbers: [Pair: Int] = [:]
        var pairOfAction: [Int32] = []
        pairOfAction.reserveCapacity(actions.count)
        // By index: `for action in` copies each action, a retain and a release of each of its strings.
        for index in actions.indices {
            if index > 0, actions[index].opening == actions[index - 1].opening {
                pairOfAction.append(pairOfAction[index - 1])
                continue
            }
            let pair = Pair(company: actions[index].company, role: actions[index].role)
            if let number = numbers[pair] {
                pairOfAction.append(Int32(number))
            } else {
                numbers[pair] = pairs.count
                pairOfAction.append(Int32(pairs.count))
                pairs.append(pair)
            }
        }
        let lowered = pairs.map { ($0.company.lowercased(), ($0.role ?? "").lowercased()) }
        let order = lowered.indices.sorted { lowered[$0] < lowered[$1] }
        var rank = [Int32](repeating: 0, count: pairs.count)
        for (place, pair) in order.enumerated() where place > 0 {
            let same = lowered[pair] == lowered[order[place - 1]]
            rank[pair] = same ? rank[order[place - 1]] : Int32(place)
        }
        return pairOfAction.map { rank[Int($0)] }
    }
}

extension Day {
    /// `Thu 3 Dec`, or `Thu 3 Dec 2027` when the year differs from `year`.
    public func shortLabel(relativeTo year: Int) -> String {
        "\(weekday.shortName) \(day) \(MonthName.short(month))" + (self.year == year ? "" : " \(self.year)")
    }

    /// `Saturday 21 November 2026`.
    public var longLabel: String {
        "\(weekday.name) \(day) \(MonthName.full[month - 1]) \(year)"
    }
}
