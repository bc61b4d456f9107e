/** The same keys as T, every leaf a string: the other language's file must match English exactly. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
