// The text measures the main-content scorer needs, for every element of a
// document in one bottom-up pass: the length of its text as clean() would leave
// it (whitespace runs collapsed, ends trimmed), the length of its link text, and
// its count of , . ; marks. Asking cheerio for each scored element's text instead
// costs the element's whole subtree each time: on a deeply nested page, depth
// times the page.
import type { AnyNode } from 'domhandler';

/** A piece of text after collapsing whitespace runs, as far as its length goes. */
export interface Seg {
  len: number;
  lead: boolean;
  trail: boolean;
}

export const EMPTY: Seg = { len: 0, lead: false, trail: false };

export function segOf(s: string): Seg {
  if (!s) return EMPTY;
  const c = s.replace(/\s+/g, ' ');
  return { len: c.length, lead: c.charCodeAt(0) === 32, trail: c.charCodeAt(c.length - 1) === 32 };
}

/** The two pieces written one after the other. */
export function concat(a: Seg, b: Seg): Seg {
  if (!a.len) return b;
  if (!b.len) return a;
  return { len: a.len + b.len - (a.trail && b.lead ? 1 : 0), lead: a.lead, trail: b.trail };
}

/** The length clean() gives: collapsed and trimmed. */
export function trimmedLength(s: Seg): number {
  return Math.max(0, s.len - (s.lead ? 1 : 0) - (s.trail ? 1 : 0));
}

export interface NodeStats {
  /** All text below the node (cheerio's .text()). */
  text: Seg;
  /** Text inside <a> elements below the node, as descendantText(node, 'a') reads it. */
  links: Seg;
  punct: number;
}

const PUNCT = /[,.;]/g;

/** Stats for every node under `root` (which is included). */
export function textStats(root: AnyNode): Map<AnyNode, NodeStats> {
  const out = new Map<AnyNode, NodeStats>();
  // Iterative post-order: a node is summed up once all its children are.
  const stack: [AnyNode, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, ready] = stack.pop()!;
    if (!('children' in node)) {
      // Text, comment or directive: only text counts.
      const data = node.type === 'text' ? node.data : '';
      out.set(node, { text: segOf(data), links: EMPTY, punct: data.match(PUNCT)?.length ?? 0 });
      continue;
    }
    const children = node.children;
    if (!ready) {
      stack.push([node, true]);
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, false]);
      continue;
    }
    let text = EMPTY;
    let links = EMPTY;
    let punct = 0;
    for (const c of children) {
      const s = out.get(c)!;
      text = concat(text, s.text);
      punct += s.punct;
      // descendantText walks tags only (not script or style), and takes all text inside an <a>.
      if (c.type === 'tag') links = concat(links, c.tagName.toLowerCase() === 'a' ? s.text : s.links);
    }
    out.set(node, { text, links, punct });
  }
  return out;
}
