// A dashboard's Apollo Client, set up the way a HotChocolate user sets it up, against a running server:
//   node apollo-cache.mjs <graphql endpoint> <operations folder>
// Prints one JSON object: what graphql-js says of every operation against the served schema; the connection as
// the client answered each of two page requests (from its cache, so the second holds both pages); and the
// connection read back from the normalized cache through the fragment on ContributionsConnection.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";
import { buildSchema, isAbstractType, parse, validate } from "graphql";

const [endpoint, operationsFolder] = process.argv.slice(2);

// Tooling fetches the SDL as it does from HotChocolate: GET <endpoint>?sdl.
const sdl = await (await fetch(`${endpoint}?sdl`)).text();
const schema = buildSchema(sdl);

// possibleTypes as graphql-codegen's fragment matcher writes them: every interface and union with its members.
const possibleTypes = {};
for (const type of Object.values(schema.getTypeMap()).filter(isAbstractType))
  possibleTypes[type.name] = schema.getPossibleTypes(type).map((t) => t.name);

const page = gql`
  fragment ContributionPage on ContributionsConnection {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id amountRial type county { code } } }
  }
`;
const query = gql`
  query CashPage($first: Int!, $after: String, $where: ContributionFilterInput, $order: [ContributionSortInput!]) {
    contributions(first: $first, after: $after, where: $where, order: $order) { ...ContributionPage }
  }
  ${page}
`;
// The same field read back from the cache, through the same fragment on the connection type.
const fromCache = gql`
  fragment CachedCashPage on Query {
    contributions(first: $first, where: $where, order: $order) { ...ContributionPage }
  }
  ${page}
`;

const cache = new InMemoryCache({
  possibleTypes,
  typePolicies: {
    Query: { fields: { contributions: relayStylePagination(["where", "order"]) } },
    Contribution: { keyFields: ["id"] },
    County: { keyFields: ["code"] },
  },
});
const client = new ApolloClient({ link: new HttpLink({ uri: endpoint, fetch }), cache });

const variables = { first: 5, where: { type: { eq: "CASH" } }, order: [{ amountRial: "DESC" }, { id: "ASC" }] };
const first = await client.query({ query, variables, fetchPolicy: "network-only" });
// The next page, as a "load more" button asks for it: the type policy merges it into the cached connection.
const after = first.data.contributions.pageInfo.endCursor;
const second = await client.query({ query, variables: { ...variables, after }, fetchPolicy: "network-only" });
const cached = cache.readFragment({ id: "ROOT_QUERY", fragment: fromCache, fragmentName: "CachedCashPage", variables });

// Every trusted operation, and the query above, validated by graphql-js (not by the server's own validator).
const documents = { CashPage: query };
for (const file of readdirSync(operationsFolder).filter((f) => f.endsWith(".graphql")))
  documents[file] = parse(readFileSync(join(operationsFolder, file), "utf8"));
const validation = Object.fromEntries(
  Object.entries(documents).map(([name, document]) => [name, validate(schema, document).map((e) => e.message)]),
);

const pages = [first, second].map((r) => r.data?.contributions ?? null);
console.log(JSON.stringify({ validation, possibleTypes, pages, cached: cached?.contributions ?? null }));
