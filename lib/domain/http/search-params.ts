/** A page's query value as Next hands it over: absent, one value, or repeated. */
export type SearchParamValue = string | string[] | undefined;

/** The first value of a query parameter (`?q=a&q=b` reads as "a"); undefined when absent. */
export function firstParam(value: SearchParamValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
