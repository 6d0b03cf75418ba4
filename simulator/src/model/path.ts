// A field path in an object, as the API server's field.Path builds it: keys and list indexes.
export type Path = (string | number)[];
