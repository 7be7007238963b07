// The page's GraphQL client: POST /graphql/ with the CSRF header (needed only when a signed-in
// editor's session cookie rides along; anonymous reads work without it).

const ITEM_SOURCES = "sources { article { url title publishedAt outlet { name domain } } }";

export const TIMELINE_QUERY = `
query TimelinePage($filter: TimelineFilterInput, $first: Int, $after: String) {
  timeline(filter: $filter, first: $first, after: $after) {
    edges {
      node {
        __typename id sortDate dateStart dateEnd datePrecision dateText sourceCount reviewState
        ... on Event {
          title summary type status
          actors { role entity { name slug } }
          ${ITEM_SOURCES}
          statements { id quote kind stance speakerText speakerTitle speaker { name slug } }
        }
        ... on Statement {
          quote kind venue stance speakerText speakerTitle
          speaker { name slug }
          event { id title }
          ${ITEM_SOURCES}
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const ENTITIES_QUERY = `
query EntitySuggestions($q: String!) {
  entities(filter: {q: $q}, first: 8) {
    edges { node { name slug kind aliases { alias } } }
  }
}`;

export const ENTITY_NAME_QUERY = `
query EntityName($slug: String!) { entity(slug: $slug) { name slug } }`;

export class GraphQLError extends Error {}

export function createClient({ url, csrfToken }) {
  return async function query(document, variables = {}, { signal } = {}) {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRFToken": csrfToken,
      },
      credentials: "same-origin",
      body: JSON.stringify({ query: document, variables }),
      signal,
    });
    let body;
    try {
      body = await response.json();
    } catch {
      throw new GraphQLError(`The server answered ${response.status}.`);
    }
    if (body.errors && body.errors.length) {
      throw new GraphQLError(body.errors.map((e) => e.message).join(" "));
    }
    if (!response.ok || !body.data) throw new GraphQLError(`The server answered ${response.status}.`);
    return body.data;
  };
}
