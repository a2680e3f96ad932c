//! A minimal document tree for the HTML importer, built by html5ever's tree builder (the
//! HTML5 parsing algorithm, so that a page parses as a browser shows it: implied `</td>`,
//! `<tbody>`, misnested tags). Only what the importer reads is kept: elements with their local
//! name and attributes, and text. Nodes live in one arena and are addressed by index.
//!
//! The importer does not keep the whole tree: `Dom::stream_tables` hands each table over as
//! the parser closes it and frees its nodes (their slots are reused; the tree builder's
//! handles carry the slot's generation, so that a freed node it would still touch is noticed,
//! and the page is then parsed whole).
//!
//! Public (hidden from the docs) only so that the safe-output tests and the fuzz targets can
//! read the exporters' HTML the way a browser would; it is not a stable API.

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, QualName, ns};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::collections::HashMap;

/// What a node is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// The document, or the contents of a `<template>`.
    Document,
    /// An element.
    Element,
    /// Text.
    Text(String),
    /// A comment or processing instruction (kept only as a place in the tree).
    Other,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    name: QualName,
    attrs: Vec<(String, String)>,
    parent: Option<usize>,
    pub children: Vec<usize>,
    template: Option<usize>,
    /// Bumped each time the slot is freed (streaming only), so that a handle to a freed node
    /// is recognised instead of reading whatever node reuses the slot.
    generation: u32,
}

impl Node {
    fn new(kind: Kind, name: QualName) -> Self {
        Node {
            kind,
            name,
            attrs: Vec::new(),
            parent: None,
            children: Vec::new(),
            template: None,
            generation: 0,
        }
    }

    fn empty(kind: Kind) -> Self {
        Node::new(kind, QualName::new(None, ns!(), Default::default()))
    }

    /// The local name of an element (`""` for other nodes).
    pub fn name(&self) -> &str {
        if self.kind == Kind::Element {
            &self.name.local
        } else {
            ""
        }
    }

    fn is(&self, name: &str) -> bool {
        self.kind == Kind::Element && &*self.name.local == name
    }

    /// The attributes, as written (names lower-cased by the parser).
    pub fn attrs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.attrs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A parsed page.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

/// Receives the tables of a page as the parser closes them (see `Dom::stream_tables`).
pub(crate) trait TableSink {
    /// `tables`: a table of the page that is not inside another table, then the tables nested
    /// in it, in document order; `nodes` holds their whole subtrees (read them now: they are
    /// freed afterwards).
    fn tables(&mut self, nodes: &[Node], tables: &[usize]);
}

/// What remains of a page read by `Dom::stream_tables`.
pub(crate) struct Streamed {
    /// The page without the contents of its tables (each `<table>` is left empty in place).
    pub dom: Dom,
    /// The most nodes alive at once while parsing.
    pub peak_nodes: usize,
}

/// The most nodes alive at once while `Dom::stream_tables` reads `text` (`None` when the
/// page cannot be read that way and is parsed whole), for the tests that bound the memory
/// of the HTML importer. Not a stable API.
#[doc(hidden)]
pub fn streamed_peak_nodes(text: &str) -> Option<usize> {
    struct Ignore;
    impl TableSink for Ignore {
        fn tables(&mut self, _: &[Node], _: &[usize]) {}
    }
    Dom::stream_tables(text, &mut Ignore).map(|s| s.peak_nodes)
}

impl Dom {
    /// Parses a page as a browser would.
    pub fn parse(text: &str) -> Dom {
        html5ever::parse_document(Sink::default(), Default::default())
            .one(text)
            .0
    }

    /// Parses a page as [`Dom::parse`] does, but hands every table to `out` as soon as the
    /// parser has closed it and frees its nodes, so that a page of many tables never holds
    /// all of them as a tree at once. Tables are handed over in document order, each exactly
    /// as [`Dom::parse`] would give it. `None` when that cannot be guaranteed for this page
    /// (the parser touched a table's contents after closing it, moved a table before an
    /// earlier one, or a `<title>` sits in a table): the caller then discards what it received
    /// and parses the page whole.
    pub(crate) fn stream_tables(text: &str, out: &mut dyn TableSink) -> Option<Streamed> {
        let sink = Sink {
            nodes: RefCell::default(),
            stream: Some(RefCell::new(Stream {
                out,
                free: Vec::new(),
                live: 0,
                peak: 0,
                broken: false,
                passed: 0,
                pending: Vec::new(),
                converted: HashMap::new(),
            })),
        };
        let mut parser = html5ever::parse_document(sink, Default::default());
        // Fed in pieces: the parser would otherwise copy the whole page first.
        let mut rest = text;
        while !rest.is_empty() {
            let mut cut = rest.len().min(1 << 16);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            parser.process(StrTendril::from_slice(&rest[..cut]));
            rest = &rest[cut..];
        }
        parser.finish().1
    }

    /// The node at `id`.
    pub fn node(&self, id: usize) -> &Node {
        &self.nodes[id]
    }

    /// Every element named `name`, in document order (not inside `<template>` contents).
    pub fn elements(&self, name: &str) -> Vec<usize> {
        elements(&self.nodes, 0, name)
    }

    /// All the text of the document, in document order (what a browser would show, without
    /// layout).
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut stack = vec![0usize];
        while let Some(id) = stack.pop() {
            let n = &self.nodes[id];
            if let Kind::Text(t) = &n.kind {
                out.push_str(t);
            }
            stack.extend(n.children.iter().rev());
        }
        out
    }

    /// The element children of `id`.
    pub fn child_elements(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        child_elements(&self.nodes, id)
    }
}

/// Every element named `name` in the subtree of `root` (itself included), in document order
/// (not inside `<template>` contents).
pub(crate) fn elements(nodes: &[Node], root: usize, name: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        let n = &nodes[id];
        if n.is(name) {
            out.push(id);
        }
        stack.extend(n.children.iter().rev());
    }
    out
}

/// The element children of `id`.
pub(crate) fn child_elements(nodes: &[Node], id: usize) -> impl Iterator<Item = usize> + '_ {
    nodes[id]
        .children
        .iter()
        .copied()
        .filter(|&c| nodes[c].kind == Kind::Element)
}

/// A node as the tree builder holds it: its slot and the slot's generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct H {
    id: usize,
    generation: u32,
}

struct Stream<'a> {
    out: &'a mut dyn TableSink,
    /// Freed slots, reused for new nodes.
    free: Vec<usize>,
    live: usize,
    peak: usize,
    /// The parser did something after which the tables handed over might differ from what
    /// `Dom::parse` gives.
    broken: bool,
    /// Tables handed over so far.
    passed: usize,
    /// Tables of the page (not inside another table) not handed over yet.
    pending: Vec<usize>,
    /// Each emptied `<table>`: (index of its first table handed over, how many).
    converted: HashMap<usize, (usize, usize)>,
}

#[derive(Default)]
struct Sink<'a> {
    nodes: RefCell<Vec<Node>>,
    stream: Option<RefCell<Stream<'a>>>,
}

impl Sink<'_> {
    fn push(&self, mut node: Node) -> H {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(stream) = &self.stream {
            let mut s = stream.borrow_mut();
            s.live += 1;
            s.peak = s.peak.max(s.live);
            if let Some(id) = s.free.pop() {
                node.generation = nodes[id].generation;
                let generation = node.generation;
                nodes[id] = node;
                return H { id, generation };
            }
        }
        nodes.push(node);
        H {
            id: nodes.len() - 1,
            generation: 0,
        }
    }

    fn broken(&self) {
        if let Some(s) = &self.stream {
            s.borrow_mut().broken = true;
        }
    }

    /// Whether `h` still names a live node (always when not streaming); marks the stream
    /// broken if not.
    fn live(&self, h: H) -> bool {
        let ok = self
            .nodes
            .borrow()
            .get(h.id)
            .is_some_and(|n| n.generation == h.generation);
        if !ok {
            self.broken();
        }
        ok
    }

    /// Whether children may be added to or taken from `h`: a live node that is not an emptied
    /// table.
    fn open(&self, h: H) -> bool {
        if !self.live(h) {
            return false;
        }
        let emptied = self
            .stream
            .as_ref()
            .is_some_and(|s| s.borrow().converted.contains_key(&h.id));
        if emptied {
            self.broken();
        }
        !emptied
    }

    fn handle(&self, id: usize) -> H {
        H {
            id,
            generation: self.nodes.borrow()[id].generation,
        }
    }

    fn new_text(&self, text: &str) -> usize {
        self.push(Node::empty(Kind::Text(text.to_owned()))).id
    }

    /// Appends text to the node before `at` in `parent`'s children when that is text; else
    /// inserts a new text node at `at`.
    fn insert_text(&self, parent: usize, at: usize, text: &str) {
        {
            let mut nodes = self.nodes.borrow_mut();
            let prev = at
                .checked_sub(1)
                .and_then(|k| nodes[parent].children.get(k).copied());
            if let Some(p) = prev {
                if let Kind::Text(t) = &mut nodes[p].kind {
                    t.push_str(text);
                    return;
                }
            }
        }
        let id = self.new_text(text);
        let mut nodes = self.nodes.borrow_mut();
        nodes[id].parent = Some(parent);
        nodes[parent].children.insert(at, id);
    }

    fn detach(&self, id: usize) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(p) = nodes[id].parent.take() {
            nodes[p].children.retain(|&c| c != id);
        }
    }

    fn insert_node(&self, parent: usize, at: usize, child: usize) {
        self.detach(child);
        let mut nodes = self.nodes.borrow_mut();
        nodes[child].parent = Some(parent);
        let at = at.min(nodes[parent].children.len());
        nodes[parent].children.insert(at, child);
        let table = nodes[child].is("table");
        drop(nodes);
        if table {
            self.inserted_table(child);
        }
    }

    /// Streaming: `table` was just closed. When it is a table of the page outside any other
    /// table, hands it and its nested tables over, then frees its contents.
    fn closed_table(&self, table: usize) {
        let Some(stream) = &self.stream else {
            return;
        };
        let mut s = stream.borrow_mut();
        if s.broken {
            return;
        }
        let nodes = self.nodes.borrow();
        let mut at = table;
        loop {
            let Some(p) = nodes[at].parent else {
                // Not in the page (a template's contents, or removed): left as it is.
                return;
            };
            if p == 0 {
                break;
            }
            if nodes[p].is("table") {
                // Handed over with the outer table.
                return;
            }
            at = p;
        }
        // The subtree in document order: its tables, and every node to free (template contents
        // included, which no table search enters).
        let mut tables = vec![table];
        let mut doomed = Vec::new();
        let mut stack: Vec<(usize, bool)> = nodes[table]
            .children
            .iter()
            .rev()
            .map(|&c| (c, false))
            .collect();
        while let Some((id, in_template)) = stack.pop() {
            doomed.push(id);
            let n = &nodes[id];
            if !in_template && (n.is("title") || s.converted.contains_key(&id)) {
                // The page's title inside a table, or an emptied table moved into this one:
                // left to the whole parse.
                s.broken = true;
                return;
            }
            if !in_template && n.is("table") {
                tables.push(id);
            }
            if let Some(t) = n.template {
                stack.push((t, true));
            }
            stack.extend(n.children.iter().rev().map(|&c| (c, in_template)));
        }
        s.out.tables(&nodes, &tables);
        drop(nodes);
        let first = s.passed;
        s.passed += tables.len();
        s.converted.insert(table, (first, tables.len()));
        s.pending.retain(|&t| t != table);
        let mut nodes = self.nodes.borrow_mut();
        nodes[table].children = Vec::new();
        for id in doomed {
            let generation = nodes[id].generation.wrapping_add(1);
            nodes[id] = Node::empty(Kind::Other);
            nodes[id].generation = generation;
            s.free.push(id);
            s.live -= 1;
        }
        // Tables moved into this one were handed over with it.
        s.pending.retain(|&t| nodes[t].kind == Kind::Element);
    }

    /// Streaming: `parent` receives a node at its end, so every table in it was closed:
    /// hands those over.
    fn flush(&self, parent: usize) {
        let Some(stream) = &self.stream else {
            return;
        };
        let mut k = 0;
        loop {
            let table = {
                let s = stream.borrow();
                match s.pending.get(k) {
                    Some(&t) if !s.broken => t,
                    _ => return,
                }
            };
            let inside = {
                let nodes = self.nodes.borrow();
                let mut at = nodes[table].parent;
                loop {
                    match at {
                        Some(p) if p == parent => break true,
                        Some(p) => at = nodes[p].parent,
                        None => break false,
                    }
                }
            };
            if inside {
                self.closed_table(table);
            }
            // Handed over tables leave the list; the others stay.
            if stream.borrow().pending.get(k) == Some(&table) {
                k += 1;
            }
        }
    }

    /// Streaming: a table was inserted at `table`'s place; unless it is inside another table,
    /// it is handed over once closed.
    fn inserted_table(&self, table: usize) {
        let Some(stream) = &self.stream else {
            return;
        };
        let nested = {
            let nodes = self.nodes.borrow();
            let mut at = nodes[table].parent;
            loop {
                match at {
                    Some(p) if nodes[p].is("table") => break true,
                    Some(p) => at = nodes[p].parent,
                    None => break false,
                }
            }
        };
        let mut s = stream.borrow_mut();
        if !nested && !s.pending.contains(&table) && !s.converted.contains_key(&table) {
            if s.pending.len() >= MAX_PENDING {
                // So many tables open at once is no page: read it whole.
                s.broken = true;
            } else {
                s.pending.push(table);
            }
        }
    }

    /// Streaming, at the end: hands over the tables not handed over yet, and checks that the
    /// emptied tables are still the page's tables, in the order they were handed over.
    fn finish_stream(&self) -> bool {
        let Some(stream) = &self.stream else {
            return false;
        };
        let mut next = 0;
        let mut stack = vec![0usize];
        while let Some(id) = stack.pop() {
            if stream.borrow().broken {
                return false;
            }
            let (table, children) = {
                let nodes = self.nodes.borrow();
                let n = &nodes[id];
                (
                    n.is("table"),
                    if n.is("table") {
                        Vec::new()
                    } else {
                        n.children.clone()
                    },
                )
            };
            if table {
                let found = stream.borrow().converted.get(&id).copied();
                let found = match found {
                    Some(found) => Some(found),
                    None if next == stream.borrow().passed => {
                        self.closed_table(id);
                        stream.borrow().converted.get(&id).copied()
                    }
                    None => None,
                };
                match found {
                    Some((first, n)) if first == next => next += n,
                    _ => return false,
                }
            }
            stack.extend(children.into_iter().rev());
        }
        let s = stream.borrow();
        !s.broken && next == s.passed
    }
}

/// More tables open (or closed, not yet handed over) at once than this and the page is parsed
/// whole.
const MAX_PENDING: usize = 64;

impl<'a> TreeSink for Sink<'a> {
    type Handle = H;
    type Output = (Dom, Option<Streamed>);
    type ElemName<'b>
        = Ref<'b, QualName>
    where
        Self: 'b;

    fn finish(self) -> Self::Output {
        let faithful = self.finish_stream();
        let nodes = self.nodes.into_inner();
        match self.stream.map(RefCell::into_inner) {
            Some(s) if faithful => (
                Dom { nodes: Vec::new() },
                Some(Streamed {
                    peak_nodes: s.peak,
                    dom: Dom { nodes },
                }),
            ),
            _ => (Dom { nodes }, None),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> H {
        if self.nodes.borrow().is_empty() {
            self.push(Node::empty(Kind::Document));
        }
        H {
            id: 0,
            generation: 0,
        }
    }

    fn elem_name<'b>(&'b self, target: &'b H) -> Ref<'b, QualName> {
        self.live(*target);
        Ref::map(self.nodes.borrow(), |n| &n[target.id].name)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> H {
        self.get_document();
        let mut node = Node::new(Kind::Element, name);
        node.attrs = attrs
            .into_iter()
            .map(|a| (a.name.local.to_string(), a.value.to_string()))
            .collect();
        if flags.template {
            node.template = Some(self.push(Node::empty(Kind::Document)).id);
        }
        self.push(node)
    }

    fn create_comment(&self, _text: StrTendril) -> H {
        self.get_document();
        self.push(Node::empty(Kind::Other))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> H {
        self.create_comment(StrTendril::new())
    }

    fn append(&self, parent: &H, child: NodeOrText<H>) {
        if !self.open(*parent) {
            return;
        }
        self.flush(parent.id);
        let end = self.nodes.borrow()[parent.id].children.len();
        match child {
            NodeOrText::AppendNode(c) => {
                if self.live(c) {
                    self.insert_node(parent.id, end, c.id);
                }
            }
            NodeOrText::AppendText(t) => self.insert_text(parent.id, end, &t),
        }
    }

    fn append_based_on_parent_node(&self, element: &H, prev_element: &H, child: NodeOrText<H>) {
        if !self.live(*element) {
            return;
        }
        if self.nodes.borrow()[element.id].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &H) -> H {
        if !self.live(*target) {
            return *target;
        }
        let template = self.nodes.borrow()[target.id].template;
        template.map_or(*target, |t| self.handle(t))
    }

    fn same_node(&self, x: &H, y: &H) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &H, new_node: NodeOrText<H>) {
        if !self.live(*sibling) {
            return;
        }
        let sibling = sibling.id;
        let (parent, at) = {
            let nodes = self.nodes.borrow();
            let Some(p) = nodes[sibling].parent else {
                return;
            };
            let at = nodes[p]
                .children
                .iter()
                .position(|&c| c == sibling)
                .unwrap_or(nodes[p].children.len());
            (p, at)
        };
        if !self.open(self.handle(parent)) {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(c) => {
                if !self.live(c) {
                    return;
                }
                // Detaching `c` first may shift the sibling's position.
                self.detach(c.id);
                let at = self.nodes.borrow()[parent]
                    .children
                    .iter()
                    .position(|&x| x == sibling)
                    .unwrap_or(at);
                self.insert_node(parent, at, c.id);
            }
            NodeOrText::AppendText(t) => self.insert_text(parent, at, &t),
        }
    }

    fn add_attrs_if_missing(&self, target: &H, attrs: Vec<Attribute>) {
        if !self.live(*target) {
            return;
        }
        let mut nodes = self.nodes.borrow_mut();
        let node = &mut nodes[target.id];
        for a in attrs {
            let name = a.name.local.to_string();
            if !node.attrs.iter().any(|(k, _)| *k == name) {
                node.attrs.push((name, a.value.to_string()));
            }
        }
    }

    fn remove_from_parent(&self, target: &H) {
        if self.live(*target) {
            self.detach(target.id);
        }
    }

    fn reparent_children(&self, node: &H, new_parent: &H) {
        if !self.open(*node) || !self.open(*new_parent) {
            return;
        }
        let children = std::mem::take(&mut self.nodes.borrow_mut()[node.id].children);
        let mut nodes = self.nodes.borrow_mut();
        for &c in &children {
            nodes[c].parent = Some(new_parent.id);
        }
        nodes[new_parent.id].children.extend(children);
    }

    fn pop(&self, node: &H) {
        if self.stream.is_some() && self.live(*node) && self.nodes.borrow()[node.id].is("table") {
            self.closed_table(node.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implied_tags_and_nested_tables_parse_as_a_browser_does() {
        let dom = Dom::parse(
            "<table><tr><td>a<td rowspan=2>b<br>c<tr><td><table><tr><td>x</table>y</table><template><table></table></template>",
        );
        let tables = dom.elements("table");
        assert_eq!(
            tables.len(),
            2,
            "the template's table is not part of the page"
        );
        // The outer table got an implied <tbody> holding both rows.
        let tbody: Vec<usize> = dom.child_elements(tables[0]).collect();
        assert_eq!(dom.node(tbody[0]).name(), "tbody");
        let rows: Vec<usize> = dom.child_elements(tbody[0]).collect();
        assert_eq!(rows.len(), 2);
        let cells: Vec<usize> = dom.child_elements(rows[0]).collect();
        assert_eq!(cells.len(), 2);
        assert_eq!(dom.node(cells[1]).attr("rowspan"), Some("2"));
    }

    #[test]
    fn foster_parented_text_stays_in_order() {
        // Text directly inside <table> is moved before the table, as browsers do.
        let dom = Dom::parse("<div>前<table>中<tr><td>格</td></tr></table>后</div>");
        let div = dom.elements("div")[0];
        let texts: Vec<String> = dom
            .node(div)
            .children
            .iter()
            .filter_map(|&c| match &dom.node(c).kind {
                Kind::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["前中", "后"]);
        assert_eq!(dom.text(), "前中格后");
    }
}
