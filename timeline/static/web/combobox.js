// Entity autocomplete: the WAI-ARIA APG "combobox with listbox popup" pattern.
// The input keeps focus; arrow keys move aria-activedescendant; Enter picks; Escape closes.

import { h } from "./dom.js";

const MIN_CHARS = 2;
const DEBOUNCE_MS = 200;

export class EntityCombobox {
  constructor({ input, listbox, status, search, onSelect }) {
    this.input = input;
    this.listbox = listbox;
    this.status = status;
    this.search = search; // async (text) => [{name, slug, kind, alias}]
    this.onSelect = onSelect;
    this.options = [];
    this.active = -1;
    this.seq = 0;
    this.timer = null;
    input.addEventListener("input", () => this.schedule());
    input.addEventListener("keydown", (event) => this.keydown(event));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    // mousedown would blur the input before the click lands.
    listbox.addEventListener("mousedown", (event) => event.preventDefault());
    listbox.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) this.pick(Number(option.dataset.index));
    });
  }

  schedule() {
    clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (text.length < MIN_CHARS) {
      this.close();
      return;
    }
    this.timer = setTimeout(() => this.lookup(text), DEBOUNCE_MS);
  }

  async lookup(text) {
    const seq = ++this.seq;
    let results;
    try {
      results = await this.search(text);
    } catch (error) {
      if (seq === this.seq) this.announce(`Could not search entities: ${error.message}`);
      return;
    }
    if (seq !== this.seq || this.input.value.trim() !== text) return; // a newer lookup wins
    this.show(results);
  }

  show(results) {
    this.options = results;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.listbox.replaceChildren(
      ...results.map((entity, index) =>
        h(
          "li",
          {
            id: `${this.listbox.id}-${index}`,
            role: "option",
            "aria-selected": "false",
            class: "combobox__option",
            dataset: { index: String(index) },
          },
          h("span", { class: "combobox__name" }, entity.name),
          entity.alias ? h("span", { class: "combobox__alias" }, ` (${entity.alias})`) : null,
          h("span", { class: "combobox__kind" }, ` ${entity.kind.toLowerCase()}`),
        ),
      ),
    );
    const open = results.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute("aria-expanded", String(open));
    this.announce(open ? `${results.length} suggestion${results.length === 1 ? "" : "s"}.` : "No matching entities.");
  }

  close() {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  }

  isOpen() {
    return !this.listbox.hidden && this.options.length > 0;
  }

  move(delta) {
    if (!this.isOpen()) return;
    const count = this.options.length;
    this.active = this.active < 0 && delta < 0 ? count - 1 : (this.active + delta + count) % count;
    for (const option of this.listbox.children) {
      const selected = Number(option.dataset.index) === this.active;
      option.setAttribute("aria-selected", String(selected));
      if (selected) {
        this.input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      }
    }
  }

  keydown(event) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (this.isOpen()) this.move(1);
        else this.lookup(this.input.value.trim());
        break;
      case "ArrowUp":
        event.preventDefault();
        this.move(-1);
        break;
      case "Enter":
        if (this.isOpen()) {
          event.preventDefault(); // never submit the form from an open list
          this.pick(this.active >= 0 ? this.active : 0);
        }
        break;
      case "Escape":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        } else {
          this.input.value = "";
        }
        break;
      default:
    }
  }

  pick(index) {
    const entity = this.options[index];
    if (!entity) return;
    this.close();
    this.input.value = "";
    this.announce(`${entity.name} added to the filters.`);
    this.onSelect(entity);
  }

  announce(text) {
    if (this.status) this.status.textContent = text;
  }
}
