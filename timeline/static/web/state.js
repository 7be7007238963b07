// The filter state lives in the URL query string, in the REST API's vocabulary (the same
// parameters work on /api/v1/timeline/, the feeds and the TimelineJS export). This module maps
// it to GraphQL's TimelineFilterInput and to and from the filter form.

export const FORM_KEYS = ["q", "entity", "type", "kind", "date_from", "date_to"];

function list(params, key, transform = (v) => v) {
  return params
    .getAll(key)
    .flatMap((raw) => raw.split(","))
    .map((v) => v.trim())
    .filter(Boolean)
    .map(transform);
}

const enumValue = (v) => v.toUpperCase().replaceAll("-", "_");

// URLSearchParams (REST names) → TimelineFilterInput. `fixedEntity` is the entity page's slug.
export function toGraphQLFilter(params, fixedEntity = "") {
  const filter = {};
  const entities = fixedEntity ? [fixedEntity] : list(params, "entity", (v) => v.toLowerCase());
  if (entities.length) filter.entities = entities;
  if (!fixedEntity && params.get("entity_mode")) filter.entityMatch = enumValue(params.get("entity_mode"));
  const listKeys = {
    type: "types", precision: "precisions", status: "statuses", outlet: "outlets", speaker: "speakers",
  };
  for (const [key, name] of Object.entries(listKeys)) {
    const values = list(params, key, key === "outlet" || key === "speaker" ? (v) => v.toLowerCase() : enumValue);
    if (values.length) filter[name] = values;
  }
  if (params.get("kind")) filter.kind = enumValue(params.get("kind"));
  if (params.get("date_from")) filter.dateFrom = params.get("date_from");
  if (params.get("date_to")) filter.dateTo = params.get("date_to");
  const q = (params.get("q") || "").trim();
  if (q) filter.q = q;
  if (/^\d+$/.test(params.get("min_sources") || "")) filter.minSources = Number(params.get("min_sources"));
  return filter;
}

// Form → params; parameters the form does not edit (precision, outlet …) are kept.
export function paramsFromForm(form, current, entitySlugs) {
  const params = new URLSearchParams(current);
  for (const key of FORM_KEYS) params.delete(key);
  const value = (name) => (form.elements[name] ? form.elements[name].value.trim() : "");
  if (value("q")) params.set("q", value("q"));
  for (const slug of entitySlugs) params.append("entity", slug);
  for (const key of ["type", "kind", "date_from", "date_to"]) {
    if (value(key)) params.set(key, value(key));
  }
  return params;
}

// Params → form fields (entities are the chips' business: see app.js).
export function fillForm(form, params) {
  const set = (name, value) => {
    if (form.elements[name]) form.elements[name].value = value;
  };
  set("q", params.get("q") || "");
  set("type", list(params, "type")[0] || "");
  set("kind", params.get("kind") || "");
  // A date input only takes yyyy-mm-dd; anything else stays in the URL (and the error message).
  const isoDay = (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value || "") ? value : "");
  set("date_from", isoDay(params.get("date_from")));
  set("date_to", isoDay(params.get("date_to")));
}

export function entitySlugs(params) {
  return list(params, "entity", (v) => v.toLowerCase());
}

// Same query, canonical order: equal states compare equal.
export function sameQuery(a, b) {
  const norm = (p) => [...p.entries()].map(([k, v]) => `${k}=${v}`).sort().join("&");
  return norm(a) === norm(b);
}
