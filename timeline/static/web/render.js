// Timeline items as DOM: date groups (<li> with an <h3><time>) holding an <ol> of items.

import { describeDate, isUpcoming } from "./dates.js";
import { domId, h, icon } from "./dom.js";

const KIND_LABELS = { DIRECT: "Direct quote", INDIRECT: "Reported speech", MIXED: "Partly quoted" };
const STANCE_VERBS = { ASSERTS: "confirms", DENIES: "denies", NEUTRAL: "says" };
const ABOUT_LABELS = { ASSERTS: "Confirms", DENIES: "Denies", NEUTRAL: "About" };
const STATUS_LABELS = { REPORTED: "Reported", DENIED: "Denied" };
const ROLE_GROUPS = [
  ["Who", ["ACTOR", "PARTICIPANT", "TARGET"]],
  ["Where", ["LOCATION"]],
  ["Also mentioned", ["MENTIONED"]],
];

const typeValue = (type) => type.toLowerCase().replaceAll("_", "-");
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
// Unresolved speakers are written as the article had them ("officials", "a spokesman").
const capitalize = (text) => (text ? text[0].toUpperCase() + text.slice(1) : "Unnamed source");

export function createRenderer({ iconsUrl, types, entityUrl }) {
  const entityHref = (slug) => entityUrl.replace("__slug__", encodeURIComponent(slug));
  const entityLink = (entity) => h("a", { href: entityHref(entity.slug) }, entity.name);

  function badge(text, modifier = "") {
    return h("span", { class: `badge${modifier ? ` badge--${modifier}` : ""}` }, text);
  }

  function corroboration(count) {
    return h(
      "span",
      { class: `badge badge--sources${count > 1 ? " badge--corroborated" : ""}` },
      icon(iconsUrl, "source"),
      h("span", {}, plural(count, "source")),
    );
  }

  function sources(item) {
    const seen = new Map();
    for (const source of item.sources || []) {
      const article = source.article;
      if (article && article.url && !seen.has(article.url)) seen.set(article.url, article);
    }
    if (!seen.size) return null;
    return h(
      "ul",
      { class: "sources", "aria-label": "Sources" },
      [...seen.values()].map((article) =>
        h(
          "li",
          {},
          h("a", { href: article.url, rel: "external", class: "source-link" }, article.title || article.url),
          article.outlet ? h("span", { class: "outlet" }, ` ${article.outlet.name}`) : null,
        ),
      ),
    );
  }

  function speakerName(statement) {
    if (!statement.speaker) return capitalize(statement.speakerText);
    return statement.speakerTitle ? `${statement.speaker.name}, ${statement.speakerTitle},` : statement.speaker.name;
  }

  function actors(event) {
    const rows = [];
    for (const [label, roles] of ROLE_GROUPS) {
      const links = event.actors.filter((a) => roles.includes(a.role));
      if (!links.length) continue;
      const items = links.map((a, i) => [
        i ? ", " : "",
        entityLink(a.entity),
        a.role === "TARGET" ? " (target)" : "",
      ]);
      rows.push(h("div", {}, h("dt", {}, label), h("dd", {}, items)));
    }
    return rows.length ? h("dl", { class: "facts" }, rows) : null;
  }

  function said(event) {
    if (!event.statements || !event.statements.length) return null;
    return h(
      "ul",
      { class: "said", "aria-label": "What was said about it" },
      event.statements.map((s) =>
        h(
          "li",
          { class: `said__item stance--${s.stance.toLowerCase()}` },
          h("span", { class: "said__who" }, `${speakerName(s)} ${STANCE_VERBS[s.stance] || "says"}`),
          " ",
          h("q", {}, s.quote),
        ),
      ),
    );
  }

  function eventCard(event) {
    const type = typeValue(event.type);
    const typeLabel = types[type] || type;
    const headingId = domId("h", event.id);
    const meta = [badge(typeLabel, "type")];
    if (event.status === "SCHEDULED") {
      meta.push(isUpcoming(event) ? badge("Upcoming", "upcoming") : badge("Scheduled", "upcoming"));
    } else if (STATUS_LABELS[event.status]) {
      meta.push(badge(STATUS_LABELS[event.status], event.status.toLowerCase()));
    }
    if (event.reviewState !== "PUBLISHED") meta.push(badge(`Review: ${event.reviewState.toLowerCase()}`, "review"));
    meta.push(corroboration(event.sourceCount));
    return h(
      "article",
      { class: `card card--event type--${type}`, "aria-labelledby": headingId, tabindex: "-1" },
      h(
        "div",
        { class: "card__head" },
        icon(iconsUrl, `t-${type}`, typeLabel, "icon type-icon"),
        h("h4", { id: headingId, class: "card__title" }, event.title),
      ),
      h("p", { class: "card__meta" }, meta),
      event.summary && event.summary !== event.title ? h("p", { class: "card__summary" }, event.summary) : null,
      actors(event),
      said(event),
      sources(event),
    );
  }

  function statementCard(statement) {
    const headingId = domId("h", statement.id);
    const direct = statement.kind === "DIRECT";
    const about = statement.event
      ? h(
          "p",
          { class: `about stance--${statement.stance.toLowerCase()}` },
          `${ABOUT_LABELS[statement.stance] || "About"}: `,
          h("span", { class: "about__event", dataset: { target: domId("item", statement.event.id) } }, statement.event.title),
        )
      : null;
    const meta = [badge(KIND_LABELS[statement.kind] || statement.kind, "kind")];
    if (statement.venue) meta.push(h("span", { class: "venue" }, statement.venue));
    if (statement.reviewState !== "PUBLISHED") meta.push(badge(`Review: ${statement.reviewState.toLowerCase()}`, "review"));
    meta.push(corroboration(statement.sourceCount));
    const firstSource = (statement.sources || []).find((s) => s.article && s.article.url);
    return h(
      "article",
      { class: "card card--statement", "aria-labelledby": headingId, tabindex: "-1" },
      h(
        "div",
        { class: "card__head" },
        icon(iconsUrl, "statement", "Statement", "icon type-icon"),
        h(
          "div",
          {},
          h("h4", { id: headingId, class: "card__title" }, statement.speaker ? entityLink(statement.speaker) : capitalize(statement.speakerText)),
          statement.speakerTitle ? h("p", { class: "speaker-title" }, statement.speakerTitle) : null,
        ),
      ),
      h(
        "blockquote",
        { class: `quote${direct ? " quote--direct" : ""}`, cite: firstSource ? firstSource.article.url : null },
        h("p", {}, direct ? `“${statement.quote}”` : statement.quote),
      ),
      h("p", { class: "card__meta" }, meta),
      about,
      sources(statement),
    );
  }

  function group(date) {
    const heading = date.datetime
      ? h("time", { datetime: date.datetime }, date.label)
      : h("span", {}, date.label);
    return h(
      "li",
      { class: `group${date.undated ? " group--undated" : ""}`, dataset: { label: date.label } },
      h("h3", { class: "group__date" }, heading),
      h("ol", { class: "group__items" }),
    );
  }

  // Appends items to the timeline <ol>, continuing the last date group when the label matches.
  // Returns the first new <article> (to move focus to after a "Load more").
  function appendItems(list, nodes) {
    let first = null;
    for (const node of nodes) {
      const date = describeDate(node);
      let current = list.lastElementChild;
      if (!current || current.dataset.label !== date.label) {
        current = group(date);
        list.append(current);
      }
      const isEvent = node.__typename === "Event";
      const card = isEvent ? eventCard(node) : statementCard(node);
      current.querySelector(".group__items").append(
        h("li", { class: `item item--${isEvent ? "event" : "statement"}`, id: domId("item", node.id) }, card),
      );
      first = first || card;
    }
    linkAbouts(list);
    return first;
  }

  // "Confirms: <event>" becomes a link once the event is on the page (it may load later).
  function linkAbouts(list) {
    for (const span of list.querySelectorAll("span.about__event[data-target]")) {
      if (!document.getElementById(span.dataset.target)) continue;
      span.replaceWith(h("a", { href: `#${span.dataset.target}`, class: "about__event" }, span.textContent));
    }
  }

  return { appendItems };
}
