/// Each word's term, worked out once per worker instead of once per page: making a String of a
/// word, the stop-word check, respelling and stemming cost more than all the counting. A term is
/// a pure function of its word, so what a worker's memo holds does not change any score.
struct TermMemo {
    /// A word's term id, or -1 for a stop word.
    private var idOfWord = WordSlots()
    private var idOfTerm: [String: Int] = [:]
    private(set) var terms: [String] = []
    /// Per term id: its slot in the page being scored, valid while `stamps[id] == page`.
    private var slots: [Int] = []
    private var stamps: [Int] = []
    private var page = 0

    /// Starts a page: every term is unseen in it again.
    mutating func startPage() { page += 1 }

    /// The id of `word`'s term, or -1 for a stop word.
    mutating func termID(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var made: String?
        let nextID = terms.count
        var id = idOfWord.value(for: word) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            if SearchWords.isStopWord(text) { return -1 }
            made = SearchWords.term(text)
            return nextID
        }
        if let term = made {
            // Another word may already have led to this term ("tingles", "tingling").
            if let existing = idOfTerm[term] {
                id = existing
                idOfWord.replaceLast(with: existing)
            } else {
                idOfTerm[term] = nextID
                terms.append(term)
                slots.append(0)
                stamps.append(0)
            }
        }
        return id
    }

    /// The term's slot in this page, given by `next` the first time the page uses it.
    mutating func pageSlot(of id: Int, next: Int) -> (slot: Int, isNew: Bool) {
        if stamps[id] == page { return (slots[id], false) }
        stamps[id] = page
        slots[id] = next
        return (next, true)
    }
}
