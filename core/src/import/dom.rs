//! A minimal document tree for the HTML importer, built by html5ever's tree builder (the
//! HTML5 parsing algorithm, so that a page parses as a browser shows it: implied `</td>`,
//! `<tbody>`, misnested tags). Only what the importer reads is kept: elements with their local
//! name and attributes, and text. Nodes live in one arena and are addressed by index.
//!
//! Public (hidden from the docs) only so that the safe-output tests and the fuzz targets can
//! read the exporters' HTML the way a browser would; it is not a stable API.

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, QualName, ns};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

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
        }
    }

    /// The local name of an element (`""` for other nodes).
    pub fn name(&self) -> &str {
        if self.kind == Kind::Element {
            &self.name.local
        } else {
            ""
        }
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

impl Dom {
    /// Parses a page as a browser would.
    pub fn parse(text: &str) -> Dom {
        html5ever::parse_document(Sink::default(), Default::default()).one(text)
    }

    /// The node at `id`.
    pub fn node(&self, id: usize) -> &Node {
        &self.nodes[id]
    }

    /// Every element named `name`, in document order (not inside `<template>` contents).
    pub fn elements(&self, name: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![0usize];
        while let Some(id) = stack.pop() {
            let n = &self.nodes[id];
            if n.kind == Kind::Element && &*n.name.local == name {
                out.push(id);
            }
            stack.extend(n.children.iter().rev());
        }
        out
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
        self.nodes[id]
            .children
            .iter()
            .copied()
            .filter(|&c| self.nodes[c].kind == Kind::Element)
    }
}

#[derive(Default)]
struct Sink {
    nodes: RefCell<Vec<Node>>,
}

impl Sink {
    fn push(&self, node: Node) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(node);
        nodes.len() - 1
    }

    fn new_text(&self, text: &str) -> usize {
        self.push(Node::new(
            Kind::Text(text.to_owned()),
            QualName::new(None, ns!(), Default::default()),
        ))
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
    }
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        if self.nodes.borrow().is_empty() {
            self.push(Node::new(
                Kind::Document,
                QualName::new(None, ns!(), Default::default()),
            ));
        }
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |n| &n[*target].name)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        self.get_document();
        let mut node = Node::new(Kind::Element, name);
        node.attrs = attrs
            .into_iter()
            .map(|a| (a.name.local.to_string(), a.value.to_string()))
            .collect();
        if flags.template {
            node.template = Some(self.push(Node::new(
                Kind::Document,
                QualName::new(None, ns!(), Default::default()),
            )));
        }
        self.push(node)
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.get_document();
        self.push(Node::new(
            Kind::Other,
            QualName::new(None, ns!(), Default::default()),
        ))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.create_comment(StrTendril::new())
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let end = self.nodes.borrow()[*parent].children.len();
        match child {
            NodeOrText::AppendNode(c) => self.insert_node(*parent, end, c),
            NodeOrText::AppendText(t) => self.insert_text(*parent, end, &t),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        self.nodes.borrow()[*target].template.unwrap_or(*target)
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let (parent, at) = {
            let nodes = self.nodes.borrow();
            let Some(p) = nodes[*sibling].parent else {
                return;
            };
            let at = nodes[p]
                .children
                .iter()
                .position(|&c| c == *sibling)
                .unwrap_or(nodes[p].children.len());
            (p, at)
        };
        match new_node {
            NodeOrText::AppendNode(c) => {
                // Detaching `c` first may shift the sibling's position.
                self.detach(c);
                let at = self.nodes.borrow()[parent]
                    .children
                    .iter()
                    .position(|&x| x == *sibling)
                    .unwrap_or(at);
                self.insert_node(parent, at, c);
            }
            NodeOrText::AppendText(t) => self.insert_text(parent, at, &t),
        }
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        let node = &mut nodes[*target];
        for a in attrs {
            let name = a.name.local.to_string();
            if !node.attrs.iter().any(|(k, _)| *k == name) {
                node.attrs.push((name, a.value.to_string()));
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        self.detach(*target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let children = std::mem::take(&mut self.nodes.borrow_mut()[*node].children);
        let mut nodes = self.nodes.borrow_mut();
        for &c in &children {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
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
