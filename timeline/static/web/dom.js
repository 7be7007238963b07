// Tiny DOM helpers: elements are built from data with textContent only (never innerHTML).

const SVG_NS = "http://www.w3.org/2000/svg";

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === "") continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// An icon from the sprite. With a label it is an image (role=img, aria-label and <title>);
// without one it is decoration, hidden from assistive technology.
export function icon(spriteUrl, name, label = "", className = "icon") {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("class", className);
  svg.setAttribute("focusable", "false");
  if (label) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    const title = document.createElementNS(SVG_NS, "title");
    title.textContent = label;
    svg.append(title);
  } else {
    svg.setAttribute("aria-hidden", "true");
  }
  const use = document.createElementNS(SVG_NS, "use");
  use.setAttribute("href", `${spriteUrl}#${name}`);
  svg.append(use);
  return svg;
}

// Safe fragment for an id attribute / URL hash from a relay global id.
export function domId(prefix, globalId) {
  return `${prefix}-${String(globalId).replace(/[^A-Za-z0-9_-]/g, "")}`;
}
