import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import * as UriTemplate from "../src/internal/uriTemplate.js"

const compile = (template: string): UriTemplate.UriTemplate =>
  Either.getOrThrowWith(UriTemplate.parse(template), (error) => new Error(error.message))

// The sample variables of RFC 6570 §3.2.1. `keys` (an associative array) is left out: associative arrays are not
// supported, so the examples that use it are skipped too. `undef` is simply absent.
const rfc: UriTemplate.UriVariables = {
  count: ["one", "two", "three"],
  dom: ["example", "com"],
  dub: "me/too",
  hello: "Hello World!",
  half: "50%",
  var: "value",
  who: "fred",
  base: "http://example.com/home/",
  path: "/foo/bar",
  list: ["red", "green", "blue"],
  v: "6",
  x: "1024",
  y: "768",
  empty: "",
  empty_keys: []
}

const expandAll = (cases: ReadonlyArray<readonly [string, string]>) => {
  for (const [template, expected] of cases) {
    expect(compile(template).expand(rfc), template).toBe(expected)
  }
}

describe("UriTemplate", () => {
  describe("expand (RFC 6570 §3.2)", () => {
    it("level 1 examples (§1.2)", () => {
      expandAll([
        ["{var}", "value"],
        ["{hello}", "Hello%20World%21"]
      ])
    })

    it("variable expansion (§3.2.1)", () => {
      expandAll([
        ["{count}", "one,two,three"],
        ["{count*}", "one,two,three"],
        ["{/count}", "/one,two,three"],
        ["{/count*}", "/one/two/three"],
        ["{;count}", ";count=one,two,three"],
        ["{;count*}", ";count=one;count=two;count=three"],
        ["{?count}", "?count=one,two,three"],
        ["{?count*}", "?count=one&count=two&count=three"],
        ["{&count*}", "&count=one&count=two&count=three"]
      ])
    })

    it("simple string expansion (§3.2.2)", () => {
      expandAll([
        ["{var}", "value"],
        ["{hello}", "Hello%20World%21"],
        ["{half}", "50%25"],
        ["O{empty}X", "OX"],
        ["O{undef}X", "OX"],
        ["{x,y}", "1024,768"],
        ["{x,hello,y}", "1024,Hello%20World%21,768"],
        ["?{x,empty}", "?1024,"],
        ["?{x,undef}", "?1024"],
        ["?{undef,y}", "?768"],
        ["{var:3}", "val"],
        ["{var:30}", "value"],
        ["{list}", "red,green,blue"],
        ["{list*}", "red,green,blue"],
        ["{empty_keys}", ""]
      ])
    })

    it("reserved expansion (§3.2.3)", () => {
      expandAll([
        ["{+var}", "value"],
        ["{+hello}", "Hello%20World!"],
        ["{+half}", "50%25"],
        ["{base}index", "http%3A%2F%2Fexample.com%2Fhome%2Findex"],
        ["{+base}index", "http://example.com/home/index"],
        ["O{+empty}X", "OX"],
        ["O{+undef}X", "OX"],
        ["{+path}/here", "/foo/bar/here"],
        ["here?ref={+path}", "here?ref=/foo/bar"],
        ["up{+path}{var}/here", "up/foo/barvalue/here"],
        ["{+x,hello,y}", "1024,Hello%20World!,768"],
        ["{+path,x}/here", "/foo/bar,1024/here"],
        ["{+path:6}/here", "/foo/b/here"],
        ["{+list}", "red,green,blue"],
        ["{+list*}", "red,green,blue"]
      ])
    })

    it("keeps percent-encoded triplets only in reserved expansion", () => {
      const template = compile("{a}/{+a}")
      expect(template.expand({ a: "%41%zz" })).toBe("%2541%25zz/%41%25zz")
    })

    it("fragment expansion (§3.2.4)", () => {
      expandAll([
        ["{#var}", "#value"],
        ["{#hello}", "#Hello%20World!"],
        ["{#half}", "#50%25"],
        ["foo{#empty}", "foo#"],
        ["foo{#undef}", "foo"],
        ["{#x,hello,y}", "#1024,Hello%20World!,768"],
        ["{#path,x}/here", "#/foo/bar,1024/here"],
        ["{#path:6}/here", "#/foo/b/here"],
        ["{#list}", "#red,green,blue"],
        ["{#list*}", "#red,green,blue"]
      ])
    })

    it("label expansion (§3.2.5)", () => {
      expandAll([
        ["{.who}", ".fred"],
        ["{.who,who}", ".fred.fred"],
        ["{.half,who}", ".50%25.fred"],
        ["www{.dom*}", "www.example.com"],
        ["X{.var}", "X.value"],
        ["X{.empty}", "X."],
        ["X{.undef}", "X"],
        ["X{.var:3}", "X.val"],
        ["X{.list}", "X.red,green,blue"],
        ["X{.list*}", "X.red.green.blue"]
      ])
    })

    it("path segment expansion (§3.2.6)", () => {
      expandAll([
        ["{/who}", "/fred"],
        ["{/who,who}", "/fred/fred"],
        ["{/half,who}", "/50%25/fred"],
        ["{/who,dub}", "/fred/me%2Ftoo"],
        ["{/var}", "/value"],
        ["{/var,empty}", "/value/"],
        ["{/var,undef}", "/value"],
        ["{/var,x}/here", "/value/1024/here"],
        ["{/var:1,var}", "/v/value"],
        ["{/list}", "/red,green,blue"],
        ["{/list*}", "/red/green/blue"],
        ["{/list*,path:4}", "/red/green/blue/%2Ffoo"]
      ])
    })

    it("path-style parameter expansion (§3.2.7)", () => {
      expandAll([
        ["{;who}", ";who=fred"],
        ["{;half}", ";half=50%25"],
        ["{;empty}", ";empty"],
        ["{;v,empty,who}", ";v=6;empty;who=fred"],
        ["{;v,bar,who}", ";v=6;who=fred"],
        ["{;x,y}", ";x=1024;y=768"],
        ["{;x,y,empty}", ";x=1024;y=768;empty"],
        ["{;x,y,undef}", ";x=1024;y=768"],
        ["{;hello:5}", ";hello=Hello"],
        ["{;list}", ";list=red,green,blue"],
        ["{;list*}", ";list=red;list=green;list=blue"]
      ])
    })

    it("form-style query expansion (§3.2.8)", () => {
      expandAll([
        ["{?who}", "?who=fred"],
        ["{?half}", "?half=50%25"],
        ["{?x,y}", "?x=1024&y=768"],
        ["{?x,y,empty}", "?x=1024&y=768&empty="],
        ["{?x,y,undef}", "?x=1024&y=768"],
        ["{?var:3}", "?var=val"],
        ["{?list}", "?list=red,green,blue"],
        ["{?list*}", "?list=red&list=green&list=blue"]
      ])
    })

    it("form-style query continuation (§3.2.9)", () => {
      expandAll([
        ["{&who}", "&who=fred"],
        ["{&half}", "&half=50%25"],
        ["?fixed=yes{&x}", "?fixed=yes&x=1024"],
        ["{&x,y,empty}", "&x=1024&y=768&empty="],
        ["{&var:3}", "&var=val"],
        ["{&list}", "&list=red,green,blue"],
        ["{&list*}", "&list=red&list=green&list=blue"]
      ])
    })

    it("encodes non-ASCII as UTF-8 and counts prefixes in characters", () => {
      const template = compile("{x}/{x:2}/{+y}")
      expect(template.expand({ x: "ü€x", y: "日本" })).toBe("%C3%BC%E2%82%ACx/%C3%BC%E2%82%AC/%E6%97%A5%E6%9C%AC")
    })

    it("encodes literal characters that are not allowed in a URI", () => {
      expect(compile("a b/{x}").expand({ x: "1" })).toBe("a%20b/1")
    })
  })

  describe("parse", () => {
    it("lists variable names in order, without duplicates", () => {
      expect(compile("github://repos/{owner}/{repo}/issues{?state,labels}{&owner}").variableNames).toEqual([
        "owner",
        "repo",
        "state",
        "labels"
      ])
      expect(compile("{/var:1,var}{.a.b*}{%41}").variableNames).toEqual(["var", "a.b", "%41"])
    })

    it("accepts a template without expressions", () => {
      const template = compile("docs://readme")
      expect(template.expand({})).toBe("docs://readme")
      expect(template.match("docs://readme")).toEqual({})
      expect(template.match("docs://readme2")).toBeUndefined()
    })

    it("rejects malformed templates", () => {
      const malformed = [
        "file:///{path",
        "{",
        "a}b",
        "{}",
        "{+}",
        "{a,}",
        "{,a}",
        "{=a}",
        "{!a}",
        "{@a}",
        "{|a}",
        "{a b}",
        "{a-b}",
        "{a{b}",
        "{.a.}",
        "{a..b}",
        "{%4}",
        "{a:0}",
        "{a:10000}",
        "{a:3*}",
        "{a*:3}",
        "{a:}",
        "x".repeat(1_001),
        "{a}".repeat(65)
      ]
      for (const template of malformed) {
        const result = UriTemplate.parse(template)
        expect(Either.isLeft(result), template).toBe(true)
        if (Either.isLeft(result)) {
          expect(result.left._tag).toBe("UriTemplateError")
          expect(result.left.template).toBe(template)
          expect(result.left.message).toContain("Invalid URI template")
        }
      }
    })

    it("accepts the limits", () => {
      expect(Either.isRight(UriTemplate.parse("{a}".repeat(64)))).toBe(true)
      expect(Either.isRight(UriTemplate.parse("{a:9999}"))).toBe(true)
    })
  })

  describe("isTemplate", () => {
    it("is true only with an expression", () => {
      expect(UriTemplate.isTemplate("file:///{path}")).toBe(true)
      expect(UriTemplate.isTemplate("x{?a,b}")).toBe(true)
      expect(UriTemplate.isTemplate("file:///readme.md")).toBe(false)
      expect(UriTemplate.isTemplate("x{}y")).toBe(false)
      expect(UriTemplate.isTemplate("x{y")).toBe(false)
    })
  })

  describe("match", () => {
    const roundTrip = (template: string, variables: UriTemplate.UriVariables) => {
      const compiled = compile(template)
      const uri = compiled.expand(variables)
      expect(compiled.match(uri), `${template} → ${uri}`).toEqual(variables)
    }

    it("round-trips MCP-style templates", () => {
      roundTrip("file:///{path}", { path: "notes.txt" })
      roundTrip("file:///{path}", { path: "dir/sub dir/ünïcode & more?.txt" })
      roundTrip("file:///{+path}", { path: "dir/sub/file.txt" })
      roundTrip("test://template/{id}/data", { id: "42" })
      roundTrip("test://template/{id}/data", { id: "a/b c%d" })
      roundTrip("users://{id}/profile", { id: "7" })
      roundTrip("github://repos/{owner}/{repo}/issues{?state,labels}", { owner: "effect-ts", repo: "effect" })
      roundTrip("github://repos/{owner}/{repo}/issues{?state,labels}", {
        owner: "effect-ts",
        repo: "effect",
        state: "open"
      })
      roundTrip("github://repos/{owner}/{repo}/issues{?state,labels}", {
        owner: "o",
        repo: "r",
        state: "closed & done",
        labels: "bug,ui"
      })
      roundTrip("github://repos/{owner}/{repo}/issues{?state,labels*}", {
        owner: "o",
        repo: "r",
        labels: ["bug", "good first issue"]
      })
    })

    it("round-trips each operator", () => {
      roundTrip("x://{a},{b}", { a: "1", b: "2" })
      roundTrip("x://{a,b}", { a: "1", b: "two words" })
      roundTrip("x://{list*}", { list: ["red", "green", "blue"] })
      roundTrip("x://{+base}index", { base: "http://example.com/home/" })
      roundTrip("x://{+dir}/{file}", { dir: "a/b/c", file: "d.txt" })
      roundTrip("x://{+path}{?q}", { path: "a/b", q: "c" })
      roundTrip("x://page{#section}", { section: "intro/part 2" })
      roundTrip("x://{host}{.dom*}", { host: "www", dom: ["example", "com"] })
      roundTrip("x://{name}{.ext}", { name: "archive", ext: "tar.gz" })
      roundTrip("x://{name}.txt", { name: "my.notes" })
      roundTrip("x://files{/segments*}", { segments: ["a", "b c", "d"] })
      roundTrip("x://files{/a,b}/end", { a: "1", b: "2" })
      roundTrip("x://map{;x,y,empty}", { x: "1024", y: "768", empty: "" })
      roundTrip("x://map{;list*}", { list: ["red", "green"] })
      roundTrip("x://search{?q,lang}{&page}", { q: "effect ts", lang: "en", page: "2" })
      roundTrip("x://search?fixed=yes{&x}", { x: "1024" })
      roundTrip("x://search{?list*}", { list: ["a", "b=c", "d&e"] })
    })

    it("reads the RFC's examples back", () => {
      expect(compile("{/list*,path:4}").match("/red/green/blue/%2Ffoo")).toEqual({
        list: ["red", "green", "blue"],
        path: "/foo"
      })
      expect(compile("{/var:1,var}").match("/v/value")).toEqual({ var: "value" })
      expect(compile("{?x,y,empty}").match("?x=1024&y=768&empty=")).toEqual({ x: "1024", y: "768", empty: "" })
      expect(compile("{#path,x}/here").match("#/foo/bar,1024/here")).toEqual({ path: "/foo/bar", x: "1024" })
      expect(compile("{x,hello,y}").match("1024,Hello%20World%21,768")).toEqual({
        x: "1024",
        hello: "Hello World!",
        y: "768"
      })
    })

    it("takes query parameters in any order, each optional, ignoring unknown ones", () => {
      const template = compile("github://repos/{owner}/{repo}/issues{?state,labels}")
      const base = { owner: "o", repo: "r" }
      expect(template.match("github://repos/o/r/issues?labels=bug&state=open")).toEqual({
        ...base,
        state: "open",
        labels: "bug"
      })
      expect(template.match("github://repos/o/r/issues?page=2&state=open&sort=")).toEqual({ ...base, state: "open" })
      expect(template.match("github://repos/o/r/issues?")).toEqual(base)
      expect(template.match("github://repos/o/r/issues")).toEqual(base)
      expect(template.match("github://repos/o/r/issues?labels")).toEqual({ ...base, labels: "" })
      expect(template.match("github://repos/o/r/issues?state=a&state=b")).toEqual({ ...base, state: "a" })
      expect(compile("x://s{?a}{&b}").match("x://s?b=2&a=1")).toEqual({ a: "1", b: "2" })
    })

    it("never matches a simple variable across /", () => {
      expect(compile("test://template/{id}/data").match("test://template/a/b/data")).toBeUndefined()
      expect(compile("file:///{path}").match("file:///dir/file.txt")).toBeUndefined()
      expect(compile("users://{id}/profile").match("users:///profile")).toBeUndefined()
      expect(compile("file:///{+path}").match("file:///dir/file.txt")).toEqual({ path: "dir/file.txt" })
      expect(compile("x://files{/seg}").match("x://files/a/b")).toBeUndefined()
    })

    it("matches the whole URI only", () => {
      const template = compile("test://template/{id}/data")
      expect(template.match("test://template/1/data/more")).toBeUndefined()
      expect(template.match("prefix-test://template/1/data")).toBeUndefined()
      expect(template.match("test://template/1/data?x=1")).toBeUndefined()
      expect(template.match("test://template/1/data#top")).toBeUndefined()
    })

    it("percent-decodes values", () => {
      const template = compile("users://{id}/profile{?q}")
      expect(template.match("users://J%C3%BCrgen/profile?q=a%20b%26c")).toEqual({ id: "Jürgen", q: "a b&c" })
      expect(template.match("users://a+b/profile")).toEqual({ id: "a+b" })
      expect(compile("file:///{+path}").match("file:///a%2Fb/c%25")).toEqual({ path: "a/b/c%" })
    })

    it("returns undefined on a malformed percent sequence", () => {
      const template = compile("users://{id}/profile{?q}")
      expect(template.match("users://%E0%A4%A/profile")).toBeUndefined()
      expect(template.match("users://%zz/profile")).toBeUndefined()
      expect(template.match("users://100%/profile")).toBeUndefined()
      expect(template.match("users://1/profile?q=%")).toBeUndefined()
      expect(compile("x://{/list*}").match("x:///ok/%C3")).toBeUndefined()
      // A parameter the template does not name is never decoded, so it cannot fail the match.
      expect(template.match("users://1/profile?junk=%&q=ok")).toEqual({ id: "1", q: "ok" })
    })

    it("accepts a literal as written or percent-encoded", () => {
      const template = compile("docs://ünï/{x}")
      expect(template.match("docs://ünï/1")).toEqual({ x: "1" })
      expect(template.match("docs://%C3%BCn%C3%AF/1")).toEqual({ x: "1" })
    })

    it("treats a variable named like an Object.prototype member as any other", () => {
      const template = compile("x://{__proto__}/{constructor}")
      expect(template.expand({})).toBe("x:///")
      const matched = template.match("x://a/b")
      expect(matched).toEqual({ ["__proto__"]: "a", constructor: "b" })
      expect(Object.getPrototypeOf(matched)).toBe(Object.prototype)
    })

    it("rejects a URI longer than 64 KiB", () => {
      const template = compile("test://template/{id}/data")
      expect(template.match(`test://template/${"a".repeat(100_000)}/data`)).toBeUndefined()
      const long = "a".repeat(60_000)
      expect(template.match(`test://template/${long}/data`)).toEqual({ id: long })
    })

    it("stays fast on adversarial URIs", () => {
      const attack = "x.".repeat(32_000)
      expect(compile("{a}.{b}.{c}.{d}.txt").match(`${attack}!`)).toBeUndefined()
      expect(compile("{+a}/x/{+b}/x/{+c}/y").match(`${"/x/".repeat(21_000)}!`)).toBeUndefined()
      expect(compile("{a}{b}{c}{d}/end").match(`${"a".repeat(64_000)}!`)).toBeUndefined()
      expect(compile("x{/a*}{/b*}{;c}{?d}z").match(`x${"/;?&=".repeat(13_000)}`)).toBeUndefined()
      expect(compile("file:///{+path}{?q}").match(`file:///${"a/".repeat(30_000)}?q=1`)?.["q"]).toBe("1")
    })
  })
})
