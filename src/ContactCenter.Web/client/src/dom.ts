// A few DOM helpers for plain TypeScript pages.

type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;
type Child = Node | string | null | undefined | false;

/** Creates an element: attributes (on* functions become listeners, `testid` becomes data-testid), then children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) {
      continue;
    }
    if (typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "testid") {
      element.dataset.testid = String(value);
    } else if (name === "class") {
      element.className = String(value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  element.append(...children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false));
  return element;
}

/** The element with the id, which the page's HTML must have. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`the page has no #${id}`);
  }
  return element as T;
}

/** Shows or hides a panel in place, keeping its space (no layout shift). */
export function reveal(element: HTMLElement, visible: boolean): void {
  element.style.visibility = visible ? "visible" : "hidden";
  element.setAttribute("aria-hidden", String(!visible));
  if ("inert" in element) {
    element.inert = !visible;
  }
}

/** Replaces a select's options, keeping the selected value when it is still offered. */
export function setOptions(select: HTMLSelectElement, options: { value: string; label: string }[], placeholder?: string): void {
  const selected = select.value;
  select.replaceChildren(
    ...(placeholder === undefined ? [] : [h("option", { value: "" }, placeholder)]),
    ...options.map((o) => h("option", { value: o.value }, o.label)));
  if (options.some((o) => o.value === selected)) {
    select.value = selected;
  }
}
