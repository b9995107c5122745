/**
 * RFC 6570 URI Templates: expansion (levels 1–4) and its reverse, matching a URI against a template to recover the
 * variables, which is what a server needs to route `resources/read` to a resource template.
 *
 * Matching is a heuristic inverse (a template is not, in general, reversible); the rules are documented on
 * {@link UriTemplate.match}. Associative-array values (`keys := [(k, v), …]`) are not supported.
 *
 * @internal
 */
import * as Data from "effect/Data"
import * as Either from "effect/Either"

/** Variable values: a string, or a list of strings. An empty list counts as undefined, as in RFC 6570. */
export type UriVariables = Readonly<Record<string, string | ReadonlyArray<string>>>

/** A parsed URI template, with its matcher compiled once. */
export interface UriTemplate {
  readonly template: string
  /** variable names in order of appearance, without duplicates */
  readonly variableNames: ReadonlyArray<string>
  /** RFC 6570 expansion (levels 1–4: operators none, +, #, ., /, ;, ?, &; prefix :N and explode *) */
  readonly expand: (variables: UriVariables) => string
  /**
   * Reverse: the variables if `uri` matches the whole template, else undefined. Values are percent-decoded.
   *
   * - `{var}` takes one or more characters up to the first occurrence of what follows it, never `/`, `?` or `#`.
   * - `{+var}` and `{#var}` may span `/`; when a literal follows, they stop at its last occurrence.
   * - `{/var}` is one segment; `{/var*}` is any number of them, as an array.
   * - `{?…}` and `{&…}` parameters may come in any order, are each optional, and unknown ones are ignored.
   * - An exploded (`*`) variable gives an array; a variable absent from the URI is absent from the result.
   * - Expressions that touch with no literal or operator character between them (`{a}{b}`) are ambiguous and may
   *   not match as expected.
   */
  readonly match: (uri: string) => UriVariables | undefined
}

/** A malformed URI template. */
export class UriTemplateError extends Data.TaggedError("UriTemplateError")<{
  readonly template: string
  readonly message: string
}> {}

// Bounds that keep `parse` and the compiled RegExp cheap whatever a caller hands them.
const MAX_TEMPLATE_LENGTH = 1_000
const MAX_EXPRESSIONS = 64
const MAX_URI_LENGTH = 65_536

type Operator = "" | "+" | "#" | "." | "/" | ";" | "?" | "&"

interface OperatorSpec {
  readonly first: string
  readonly sep: string
  readonly named: boolean
  readonly ifEmpty: string
  readonly allowReserved: boolean
}

// RFC 6570 Appendix A.
const operators: { readonly [K in Operator]: OperatorSpec } = {
  "": { first: "", sep: ",", named: false, ifEmpty: "", allowReserved: false },
  "+": { first: "", sep: ",", named: false, ifEmpty: "", allowReserved: true },
  "#": { first: "#", sep: ",", named: false, ifEmpty: "", allowReserved: true },
  ".": { first: ".", sep: ".", named: false, ifEmpty: "", allowReserved: false },
  "/": { first: "/", sep: "/", named: false, ifEmpty: "", allowReserved: false },
  ";": { first: ";", sep: ";", named: true, ifEmpty: "", allowReserved: false },
  "?": { first: "?", sep: "&", named: true, ifEmpty: "=", allowReserved: false },
  "&": { first: "&", sep: "&", named: true, ifEmpty: "=", allowReserved: false }
}

const isOperator = (c: string): c is Exclude<Operator, ""> => c.length === 1 && "+#./;?&".includes(c)

interface VarSpec {
  readonly name: string
  readonly explode: boolean
  readonly prefix: number | undefined
}

interface Expression {
  readonly _tag: "Expression"
  readonly operator: Operator
  readonly varspecs: ReadonlyArray<VarSpec>
}

interface Literal {
  readonly _tag: "Literal"
  readonly raw: string
  readonly expanded: string
}

type Part = Literal | Expression

// ---------------------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------------------

const varnameSegment = /^(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})+$/
const maxLength = /^[1-9][0-9]{0,3}$/

const isVarname = (name: string): boolean => name.split(".").every((segment) => varnameSegment.test(segment))

const parseVarSpec = (text: string): Either.Either<VarSpec, string> => {
  if (text.endsWith("*")) {
    const name = text.slice(0, -1)
    return isVarname(name)
      ? Either.right({ name, explode: true, prefix: undefined })
      : Either.left(`invalid variable name "${name}"`)
  }
  const colon = text.indexOf(":")
  const name = colon === -1 ? text : text.slice(0, colon)
  if (!isVarname(name)) {
    return Either.left(name === "" ? "empty variable name" : `invalid variable name "${name}"`)
  }
  if (colon === -1) {
    return Either.right({ name, explode: false, prefix: undefined })
  }
  const length = text.slice(colon + 1)
  return maxLength.test(length)
    ? Either.right({ name, explode: false, prefix: Number(length) })
    : Either.left(`invalid prefix length "${length}" for "${name}" (1 to 9999)`)
}

const parseExpression = (body: string): Either.Either<Expression, string> => {
  const op = body.charAt(0)
  if (op !== "" && "=,!@|".includes(op)) {
    return Either.left(`operator "${op}" is reserved and not supported`)
  }
  const operator: Operator = isOperator(op) ? op : ""
  const list = operator === "" ? body : body.slice(1)
  if (list === "") {
    return Either.left("empty expression")
  }
  const varspecs: Array<VarSpec> = []
  for (const text of list.split(",")) {
    const varspec = parseVarSpec(text)
    if (Either.isLeft(varspec)) {
      return Either.left(varspec.left)
    }
    varspecs.push(varspec.right)
  }
  return Either.right({ _tag: "Expression", operator, varspecs })
}

const parseParts = (template: string): Either.Either<ReadonlyArray<Part>, string> => {
  if (template.length > MAX_TEMPLATE_LENGTH) {
    return Either.left(`longer than ${MAX_TEMPLATE_LENGTH} characters`)
  }
  const parts: Array<Part> = []
  let literal = ""
  let expressions = 0
  let i = 0
  while (i < template.length) {
    const c = template[i]
    if (c === "}") {
      return Either.left(`unexpected "}" at position ${i}`)
    }
    if (c !== "{") {
      literal += c
      i++
      continue
    }
    const end = template.indexOf("}", i + 1)
    if (end === -1) {
      return Either.left(`unclosed "{" at position ${i}`)
    }
    const expression = parseExpression(template.slice(i + 1, end))
    if (Either.isLeft(expression)) {
      return Either.left(`${expression.left} in "${template.slice(i, end + 1)}"`)
    }
    if (++expressions > MAX_EXPRESSIONS) {
      return Either.left(`more than ${MAX_EXPRESSIONS} expressions`)
    }
    if (literal !== "") {
      parts.push({ _tag: "Literal", raw: literal, expanded: encode(literal, true) })
      literal = ""
    }
    parts.push(expression.right)
    i = end + 1
  }
  if (literal !== "") {
    parts.push({ _tag: "Literal", raw: literal, expanded: encode(literal, true) })
  }
  return Either.right(parts)
}

// ---------------------------------------------------------------------------------------------------------------
// Expansion
// ---------------------------------------------------------------------------------------------------------------

const unreserved = /^[A-Za-z0-9\-._~]$/
const reserved = /^[:/?#[\]@!$&'()*+,;=]$/
const hex = /^[0-9A-Fa-f]{2}$/
const utf8 = new TextEncoder()

/** Percent-encodes what the operator does not allow; reserved expansion also keeps existing `%XX` triplets. */
const encode = (value: string, allowReserved: boolean): string => {
  let out = ""
  let i = 0
  for (const ch of value) {
    if (unreserved.test(ch) || (allowReserved && reserved.test(ch))) {
      out += ch
    } else if (allowReserved && ch === "%" && hex.test(value.slice(i + 1, i + 3))) {
      out += ch
    } else {
      // TextEncoder turns a lone surrogate into U+FFFD where encodeURIComponent would throw.
      for (const byte of utf8.encode(ch)) {
        out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`
      }
    }
    i += ch.length
  }
  return out
}

// The prefix counts characters (code points), not UTF-16 units or encoded octets.
const truncate = (value: string, length: number): string => Array.from(value).slice(0, length).join("")

// Callers outside TypeScript may pass anything; what is not a string or a non-empty list is undefined.
const lookup = (variables: UriVariables, name: string): string | ReadonlyArray<string> | undefined => {
  if (!Object.hasOwn(variables, name)) {
    return undefined
  }
  const value: unknown = variables[name]
  if (typeof value === "string") {
    return value
  }
  if (Array.isArray(value) && value.length > 0) {
    return value.map(String)
  }
  return undefined
}

const expandExpression = (expression: Expression, variables: UriVariables): string => {
  const spec = operators[expression.operator]
  let out = ""
  let first = true
  for (const varspec of expression.varspecs) {
    const value = lookup(variables, varspec.name)
    if (value === undefined) {
      continue
    }
    out += first ? spec.first : spec.sep
    first = false
    const enc = (s: string) => encode(s, spec.allowReserved)
    if (typeof value === "string") {
      if (spec.named) {
        out += varspec.name + (value === "" ? spec.ifEmpty : "=")
      }
      out += enc(varspec.prefix === undefined ? value : truncate(value, varspec.prefix))
    } else if (!varspec.explode) {
      // RFC 6570 §2.4.1: a prefix does not apply to a list, so the whole list is expanded.
      out += (spec.named ? `${varspec.name}=` : "") + value.map(enc).join(",")
    } else if (spec.named) {
      out += value.map((item) => varspec.name + (item === "" ? spec.ifEmpty : `=${enc(item)}`)).join(spec.sep)
    } else {
      out += value.map(enc).join(spec.sep)
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------------------------

const escapeRegExp = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")
const escapeClass = (s: string): string => s.replace(/[\\\]^-]/g, "\\$&")

const anyChar = "[\\s\\S]"
const classExcluding = (chars: string): string =>
  chars === "" ? anyChar : `[^${escapeClass(Array.from(new Set(chars)).join(""))}]`

// A client may send a literal as written in the template or percent-encoded the way expansion writes it.
const literalPattern = (literal: Literal): string => {
  const raw = escapeRegExp(literal.raw)
  const expanded = escapeRegExp(literal.expanded)
  return raw === expanded ? raw : `(?:${raw}|${expanded})`
}

/**
 * What must come right after the expression ending before `parts[from]`: the next literal, the leading character of
 * an optional expression that follows, at least one character for a required one, or the end.
 */
const follow = (parts: ReadonlyArray<Part>, from: number): string => {
  let leads = ""
  let anchor = "$"
  for (let j = from; j < parts.length; j++) {
    const part = parts[j]
    if (part._tag === "Literal") {
      anchor = literalPattern(part)
      break
    }
    const first = operators[part.operator].first
    if (first === "") {
      anchor = anyChar
      break
    }
    leads += first
  }
  return leads === "" ? anchor : `(?:[${escapeClass(leads)}]|${anchor})`
}

/** The characters an expression's value may contain, given what comes later in the template. */
const valueClass = (expression: Expression, later: ReadonlyArray<Part>): string => {
  const { operator, varspecs } = expression
  switch (operator) {
    case "?":
    case "&":
      return classExcluding("#")
    case "/":
      return classExcluding(varspecs.length === 1 && !varspecs[0].explode ? "/?#" : "?#")
    case "+":
    case "#": {
      // Reserved expansion may contain `?` and `#`, but not when the template puts a query or fragment after it.
      let excluded = ""
      for (const part of later) {
        if (part._tag === "Expression") {
          if (part.operator === "?" || part.operator === "&") excluded += "?"
          if (part.operator === "#") excluded += "#"
        }
      }
      return classExcluding(excluded)
    }
    default:
      return classExcluding("/?#")
  }
}

const chunkPattern = (expression: Expression, cls: string): string => {
  switch (expression.operator) {
    case "":
      return `${cls}+?`
    case "+":
      return `${cls}+`
    default:
      return `(?:${escapeRegExp(operators[expression.operator].first)}${cls}*)?`
  }
}

/**
 * Each expression becomes `(?=(chunk)follow)\N`: a lookahead is atomic in JavaScript, so once an expression has
 * found where it ends, a later failure cannot make the engine retry other splits. That keeps matching linear in the
 * URI's length, whatever the URI, instead of exponential in the number of expressions.
 */
const compile = (parts: ReadonlyArray<Part>): RegExp => {
  let source = "^"
  let group = 0
  parts.forEach((part, index) => {
    if (part._tag === "Literal") {
      source += literalPattern(part)
      return
    }
    group++
    const chunk = chunkPattern(part, valueClass(part, parts.slice(index + 1)))
    source += `(?=(${chunk})${follow(parts, index + 1)})\\${group}`
  })
  return new RegExp(`${source}$`)
}

const decode = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s)
  } catch {
    return undefined
  }
}

const decodeAll = (values: ReadonlyArray<string>): ReadonlyArray<string> | undefined => {
  const out: Array<string> = []
  for (const value of values) {
    const decoded = decode(value)
    if (decoded === undefined) {
      return undefined
    }
    out.push(decoded)
  }
  return out
}

interface Found {
  readonly value: string | ReadonlyArray<string>
  readonly prefixed: boolean
}

/**
 * Records a value; false when it failed to decode. A variable seen twice keeps its first value, except that a
 * full value replaces a `:N` prefix of it.
 */
const put = (
  found: Map<string, Found>,
  varspec: VarSpec,
  value: string | ReadonlyArray<string> | undefined
): boolean => {
  if (value === undefined) {
    return false
  }
  const previous = found.get(varspec.name)
  const prefixed = varspec.prefix !== undefined
  if (previous === undefined || (previous.prefixed && !prefixed)) {
    found.set(varspec.name, { value, prefixed })
  }
  return true
}

/** Operators whose values are told apart by position: none, `+`, `#`, `.`, `/`. */
const assignPositional = (expression: Expression, chunk: string, found: Map<string, Found>): boolean => {
  const spec = operators[expression.operator]
  if (spec.first !== "" && chunk === "") {
    return true
  }
  const text = spec.first === "" ? chunk : chunk.slice(1)
  const { varspecs } = expression
  if (varspecs.length === 1) {
    const varspec = varspecs[0]
    return put(found, varspec, varspec.explode ? decodeAll(text.split(spec.sep)) : decode(text))
  }
  const pieces = text.split(spec.sep)
  let at = 0
  for (let k = 0; k < varspecs.length && at < pieces.length; k++) {
    const varspec = varspecs[k]
    const after = varspecs.length - k - 1
    let ok: boolean
    if (varspec.explode) {
      // An exploded list leaves one piece for each variable after it.
      const take = Math.max(1, pieces.length - at - after)
      ok = put(found, varspec, decodeAll(pieces.slice(at, at + take)))
      at += take
    } else if (after === 0 && spec.sep !== "/") {
      // The last variable may be an unexploded list, or a label containing dots.
      ok = put(found, varspec, decode(pieces.slice(at).join(spec.sep)))
      at = pieces.length
    } else {
      ok = put(found, varspec, decode(pieces[at]))
      at++
    }
    if (!ok) {
      return false
    }
  }
  // A leftover path segment cannot belong to any variable, since `/` inside a value is encoded.
  return at === pieces.length
}

const collectParams = (params: Map<string, Array<string>>, text: string, sep: string): void => {
  for (const piece of text.split(sep)) {
    if (piece === "") {
      continue
    }
    const eq = piece.indexOf("=")
    const name = eq === -1 ? piece : piece.slice(0, eq)
    const value = eq === -1 ? "" : piece.slice(eq + 1)
    const values = params.get(name)
    if (values === undefined) {
      params.set(name, [value])
    } else {
      values.push(value)
    }
  }
}

/** Operators whose values are told apart by name: `;`, `?`, `&`. */
const assignNamed = (
  expression: Expression,
  params: ReadonlyMap<string, ReadonlyArray<string>>,
  found: Map<string, Found>
): boolean => {
  for (const varspec of expression.varspecs) {
    const values = params.get(varspec.name)
    if (values !== undefined && !put(found, varspec, varspec.explode ? decodeAll(values) : decode(values[0]))) {
      return false
    }
  }
  return true
}

const makeMatch = (parts: ReadonlyArray<Part>): (uri: string) => UriVariables | undefined => {
  const regExp = compile(parts)
  const expressions = parts.filter((part): part is Expression => part._tag === "Expression")
  return (uri) => {
    if (uri.length > MAX_URI_LENGTH) {
      return undefined
    }
    const result = regExp.exec(uri)
    if (result === null) {
      return undefined
    }
    const found = new Map<string, Found>()
    // Query parameters of all `?` and `&` expressions form one pool, so their order in the URI does not matter.
    const query = new Map<string, Array<string>>()
    const queryExpressions: Array<Expression> = []
    for (let i = 0; i < expressions.length; i++) {
      const expression = expressions[i]
      const chunk = result[i + 1] ?? ""
      switch (expression.operator) {
        case "?":
        case "&":
          collectParams(query, chunk.slice(1), "&")
          queryExpressions.push(expression)
          break
        case ";": {
          const params = new Map<string, Array<string>>()
          collectParams(params, chunk.slice(1), ";")
          if (!assignNamed(expression, params, found)) {
            return undefined
          }
          break
        }
        default:
          if (!assignPositional(expression, chunk, found)) {
            return undefined
          }
      }
    }
    for (const expression of queryExpressions) {
      if (!assignNamed(expression, query, found)) {
        return undefined
      }
    }
    // fromEntries defines own properties, so a variable named `__proto__` cannot touch the prototype.
    return Object.fromEntries(Array.from(found, ([name, { value }]) => [name, value]))
  }
}

// ---------------------------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------------------------

const make = (template: string, parts: ReadonlyArray<Part>): UriTemplate => {
  const names = new Set<string>()
  for (const part of parts) {
    if (part._tag === "Expression") {
      for (const varspec of part.varspecs) {
        names.add(varspec.name)
      }
    }
  }
  return {
    template,
    variableNames: Array.from(names),
    expand: (variables) =>
      parts.map((part) => part._tag === "Literal" ? part.expanded : expandExpression(part, variables)).join(""),
    match: makeMatch(parts)
  }
}

const quote = (template: string): string =>
  JSON.stringify(template.length > 80 ? `${template.slice(0, 80)}…` : template)

/** Parses and compiles an RFC 6570 URI template; fails on a malformed or oversized one. */
export const parse = (template: string): Either.Either<UriTemplate, UriTemplateError> =>
  parseParts(template).pipe(
    Either.mapBoth({
      onLeft: (reason) =>
        new UriTemplateError({ template, message: `Invalid URI template ${quote(template)}: ${reason}` }),
      onRight: (parts) => make(template, parts)
    })
  )

/** True when `s` contains at least one `{expression}`, i.e. is a template rather than a fixed URI. */
export const isTemplate = (s: string): boolean => /\{[^{}]+\}/.test(s)
