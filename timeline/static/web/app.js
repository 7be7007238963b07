// The timeline page: reads the filters from the URL, asks /graphql/ for pages of the timeline
// and appends them (IntersectionObserver + a "Load more" button for keyboards). No framework.

import { createClient, ENTITIES_QUERY, ENTITY_NAME_QUERY, TIMELINE_QUERY } from "./api.js";
import { EntityCombobox } from "./combobox.js";
import { h, icon } from "./dom.js";
import { createRenderer } from "./render.js";
import { entitySlugs, fillForm, paramsFromForm, sameQuery, toGraphQLFilter } from "./state.js";

const config = JSON.parse(document.getElementById("timeline-config").textContent);
const query = createClient({ url: config.graphqlUrl, csrfToken: config.csrfToken });
const renderer = createRenderer(config);

const form = document.getElementById("filters");
const list = document.getElementById("timeline");
const statusEl = document.getElementById("timeline-status");
const moreButton = document.getElementById("load-more");
const sentinel = document.getElementById("timeline-sentinel");
const chips = document.getElementById("f-entity-chips");
const exportLinks = {
  timelinejs: document.getElementById("export-timelinejs"),
  atom: document.getElementById("export-atom"),
};

const page = { cursor: null, hasNext: false, loading: false, count: 0, generation: 0, controller: null };
const entityNames = new Map(); // slug → name, for chips restored from the URL

function announce(text, isError = false) {
  statusEl.textContent = text;
  statusEl.classList.toggle("status--error", isError);
}

function currentParams() {
  return new URLSearchParams(window.location.search);
}

// --- loading ---------------------------------------------------------------------------------

async function loadMore({ focus = false } = {}) {
  if (page.loading) return;
  page.loading = true;
  const generation = page.generation;
  page.controller = new AbortController();
  list.setAttribute("aria-busy", "true");
  moreButton.disabled = true;
  announce(page.count ? "Loading more items…" : "Loading the timeline…");
  try {
    const data = await query(
      TIMELINE_QUERY,
      {
        filter: toGraphQLFilter(currentParams(), config.fixedEntity),
        first: config.pageSize,
        after: page.cursor,
      },
      { signal: page.controller.signal },
    );
    if (generation !== page.generation) return;
    const { edges, pageInfo } = data.timeline;
    const first = renderer.appendItems(list, edges.map((edge) => edge.node));
    page.cursor = pageInfo.endCursor;
    page.hasNext = pageInfo.hasNextPage;
    page.count += edges.length;
    if (!page.count) announce("No items match these filters.");
    else if (page.hasNext) announce(`Showing ${page.count} items; more load as you scroll.`);
    else announce(`Showing all ${page.count} items.`);
    if (focus && first) first.focus();
  } catch (error) {
    if (error.name === "AbortError" || generation !== page.generation) return;
    page.hasNext = false;
    announce(`Could not load the timeline: ${error.message}`, true);
  } finally {
    if (generation === page.generation) {
      page.loading = false;
      list.setAttribute("aria-busy", "false");
      moreButton.disabled = false;
      moreButton.hidden = !page.hasNext;
      if (page.hasNext) rearmObserver();
    }
  }
}

function reload() {
  page.generation += 1;
  if (page.controller) page.controller.abort();
  page.loading = false;
  page.cursor = null;
  page.hasNext = false;
  page.count = 0;
  list.replaceChildren();
  moreButton.hidden = true;
  updateExportLinks();
  loadMore();
}

// The sentinel below the list loads the next page when it scrolls into view. Re-observing
// after each page makes a still-visible sentinel fire again (tall screens fill up).
const observer =
  "IntersectionObserver" in window
    ? new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting) && page.hasNext && !page.loading) loadMore();
        },
        { rootMargin: "600px 0px" },
      )
    : null;

function rearmObserver() {
  if (!observer) return;
  observer.unobserve(sentinel);
  observer.observe(sentinel);
}

moreButton.addEventListener("click", () => loadMore({ focus: true }));

// --- filters and the URL ---------------------------------------------------------------------

function updateExportLinks() {
  const params = currentParams();
  if (config.fixedEntity) params.set("entity", config.fixedEntity);
  const qs = params.toString() ? `?${params}` : "";
  exportLinks.timelinejs.href = exportLinks.timelinejs.pathname + qs;
  exportLinks.atom.href = exportLinks.atom.pathname + qs;
}

function chipSlugs() {
  return chips ? [...chips.querySelectorAll(".chip")].map((chip) => chip.dataset.slug) : [];
}

function addChip(slug, name) {
  if (!chips || chipSlugs().includes(slug)) return;
  chips.append(
    h(
      "li",
      { class: "chip", dataset: { slug } },
      h("input", { type: "hidden", name: "entity", value: slug }),
      h("span", { class: "chip__label" }, name),
      h(
        "button",
        { type: "button", class: "chip__remove", "aria-label": `Remove ${name}` },
        icon(config.iconsUrl, "close"),
      ),
    ),
  );
}

function syncChips(params) {
  if (!chips) return;
  const wanted = entitySlugs(params);
  for (const chip of [...chips.querySelectorAll(".chip")]) {
    if (!wanted.includes(chip.dataset.slug)) chip.remove();
  }
  for (const slug of wanted) {
    if (!chipSlugs().includes(slug)) {
      addChip(slug, entityNames.get(slug) || slug);
      if (!entityNames.has(slug)) resolveEntityName(slug);
    }
  }
}

async function resolveEntityName(slug) {
  try {
    const data = await query(ENTITY_NAME_QUERY, { slug });
    if (!data.entity) return;
    entityNames.set(slug, data.entity.name);
    const chip = chips.querySelector(`.chip[data-slug="${CSS.escape(slug)}"]`);
    if (chip) {
      chip.querySelector(".chip__label").textContent = data.entity.name;
      chip.querySelector(".chip__remove").setAttribute("aria-label", `Remove ${data.entity.name}`);
    }
  } catch {
    // The slug stays as the label.
  }
}

function applyFilters() {
  const params = paramsFromForm(form, currentParams(), chipSlugs());
  if (sameQuery(params, currentParams())) return;
  const qs = params.toString();
  window.history.pushState(null, "", qs ? `?${qs}` : window.location.pathname);
  reload();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  applyFilters();
});
for (const name of ["type", "kind", "date_from", "date_to"]) {
  if (form.elements[name]) form.elements[name].addEventListener("change", applyFilters);
}
form.elements.q.addEventListener("search", applyFilters); // the clear (×) of a search field

document.getElementById("f-clear").addEventListener("click", (event) => {
  event.preventDefault();
  form.reset();
  for (const name of ["q", "type", "kind", "date_from", "date_to"]) form.elements[name].value = "";
  if (chips) chips.replaceChildren();
  applyFilters();
});

if (chips) {
  for (const chip of chips.querySelectorAll(".chip")) {
    entityNames.set(chip.dataset.slug, chip.querySelector(".chip__label").textContent);
  }
  chips.addEventListener("click", (event) => {
    const button = event.target.closest(".chip__remove");
    if (!button) return;
    button.closest(".chip").remove();
    document.getElementById("f-entity").focus();
    applyFilters();
  });
  new EntityCombobox({
    input: document.getElementById("f-entity"),
    listbox: document.getElementById("f-entity-list"),
    status: document.getElementById("f-entity-status"),
    search: async (text) => {
      const data = await query(ENTITIES_QUERY, { q: text });
      const needle = text.toLowerCase();
      return data.entities.edges.map(({ node }) => {
        const alias = node.name.toLowerCase().includes(needle)
          ? ""
          : (node.aliases.find((a) => a.alias.toLowerCase().includes(needle)) || {}).alias || "";
        return { name: node.name, slug: node.slug, kind: node.kind, alias };
      });
    },
    onSelect: (entity) => {
      entityNames.set(entity.slug, entity.name);
      addChip(entity.slug, entity.name);
      applyFilters();
    },
  });
}

window.addEventListener("popstate", () => {
  const params = currentParams();
  fillForm(form, params);
  syncChips(params);
  reload();
});

// --- keyboard: j / k move between items --------------------------------------------------------

document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || (event.key !== "j" && event.key !== "k")) return;
  if (event.target.closest("input, select, textarea, [contenteditable]")) return;
  const cards = [...list.querySelectorAll(".card")];
  if (!cards.length) return;
  const index = cards.indexOf(document.activeElement.closest(".card"));
  const next = event.key === "j" ? Math.min(index + 1, cards.length - 1) : Math.max(index - 1, 0);
  event.preventDefault();
  cards[index < 0 ? 0 : next].focus();
  if (event.key === "j" && next === cards.length - 1 && page.hasNext) loadMore();
});

// --- start -------------------------------------------------------------------------------------

fillForm(form, currentParams());
syncChips(currentParams());
reload();
