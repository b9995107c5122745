/**
 * DNS-rebinding and cross-site protection: the `Host` and `Origin` headers against allow-lists.
 *
 * A web page can make a browser send requests to a server on the user's machine; after a DNS rebinding its requests
 * even look same-origin. The `Host` header still names the attacker's domain, which a loopback server must refuse;
 * the `Origin` header names the page, which any server must check when present.
 */
import * as Option from "effect/Option"

/** What the allow-lists are, resolved from the options. */
export interface Policy {
  /** Host names (or `name:port`), lower-case; `"any"` skips the check. */
  readonly hosts: ReadonlySet<string> | "any"
  /** Origins (`scheme://host[:port]`), lower-case; `"hosts"` admits origins on an allowed host (same-origin, for `"any"` hosts). */
  readonly origins: ReadonlySet<string> | "hosts" | "any"
}

/** The names of the loopback interface. */
export const LOOPBACK_HOSTS: ReadonlyArray<string> = ["localhost", "127.0.0.1", "[::1]"]

const loopbackAddresses = new Set(["localhost", "127.0.0.1", "::1", "[::1]"])

/** Whether a bind address is on the loopback interface. */
export const isLoopback = (host: string): boolean =>
  loopbackAddresses.has(host.toLowerCase()) || host.startsWith("127.")

/** The allow-lists for the options given; omitted ones default to the loopback names, or to `"any"` hosts when `bindHost` is not loopback. */
export const policy = (options: {
  readonly allowedHosts?: ReadonlyArray<string> | "any" | undefined
  readonly allowedOrigins?: ReadonlyArray<string> | "any" | undefined
  readonly bindHost?: string | undefined
}): Policy => {
  const hosts = options.allowedHosts ??
    (options.bindHost === undefined || isLoopback(options.bindHost) ? LOOPBACK_HOSTS : "any")
  return {
    hosts: hosts === "any" ? "any" : new Set(hosts.map((h) => h.toLowerCase())),
    origins: options.allowedOrigins === undefined
      ? "hosts"
      : options.allowedOrigins === "any"
      ? "any"
      : new Set(options.allowedOrigins.map((o) => o.toLowerCase().replace(/\/+$/, "")))
  }
}

/** `host[:port]` split into the name (IPv6 in brackets) and the whole, lower-case. */
const splitHost = (host: string): { readonly name: string; readonly full: string } => {
  const full = host.trim().toLowerCase()
  if (full.startsWith("[")) {
    const end = full.indexOf("]")
    return { name: end === -1 ? full : full.slice(0, end + 1), full }
  }
  const colon = full.indexOf(":")
  return { name: colon === -1 ? full : full.slice(0, colon), full }
}

const hostAllowed = (hosts: ReadonlySet<string>, host: string): boolean => {
  const { full, name } = splitHost(host)
  return hosts.has(name) || hosts.has(full)
}

/** Why the request must be refused with 403, if it must. */
export const check = (
  policy: Policy,
  headers: { readonly host?: string | undefined; readonly origin?: string | undefined }
): Option.Option<string> => {
  const host = headers.host
  if (policy.hosts !== "any" && (host === undefined || !hostAllowed(policy.hosts, host))) {
    return Option.some(`Forbidden: Host header ${host === undefined ? "missing" : JSON.stringify(host)} is not allowed`)
  }
  const origin = headers.origin
  if (origin === undefined || policy.origins === "any") {
    return Option.none()
  }
  const refused = Option.some(`Forbidden: Origin ${JSON.stringify(origin)} is not allowed`)
  if (policy.origins !== "hosts") {
    return policy.origins.has(origin.trim().toLowerCase()) ? Option.none() : refused
  }
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return refused
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return refused
  }
  if (policy.hosts === "any") {
    // Same-origin only: the page must come from the host it is talking to.
    return host !== undefined && splitHost(host).full === url.host.toLowerCase() ? Option.none() : refused
  }
  return hostAllowed(policy.hosts, url.host) ? Option.none() : refused
}
