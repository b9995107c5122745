import type { JsonRpc } from "@mcp-effect/server"
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"

/** What a request's handler may do to its own HTTP stream; attached to each frame of a Streamable HTTP session. */
export class StreamControl extends Context.Tag("@mcp-effect/platform-node/StreamControl")<StreamControl, {
  readonly poll: (requestId: JsonRpc.RequestId, retryMs: number) => Effect.Effect<boolean>
}>() {}
