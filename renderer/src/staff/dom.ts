/**
 * The staff pages' DOM (fleet, control): plain elements, no React. Whatever the hub or a screen reports is text from
 * the network, so it is only ever set as text (text nodes, textContent), never as markup.
 */
type Child = Node | string | null | false;

/** An element with attributes and children; strings become text nodes. */
export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== false) el.append(child);
  return el;
}
