/**
 * A closed Node HTTP server waits for its connections to go: those busy when it closed until they time out (seconds
 * after their last response), and those that never sent a request until the client drops them. This ends them
 * instead, as soon as nothing is being answered on them, so that a server shuts down at once.
 */
import * as Effect from "effect/Effect"
import type * as Http from "node:http"
import type * as Net from "node:net"

/** Tracks a server's connections; `endAll` ends the idle ones now and the busy ones after their response. */
export const track = (server: Http.Server): { readonly endAll: Effect.Effect<void> } => {
  // Responses in progress, per connection.
  const connections = new Map<Net.Socket, number>()
  let closing = false
  server.on("connection", (socket: Net.Socket) => {
    connections.set(socket, 0)
    socket.once("close", () => connections.delete(socket))
  })
  server.on("request", (request: Http.IncomingMessage, response: Http.ServerResponse) => {
    const socket = request.socket
    connections.set(socket, (connections.get(socket) ?? 0) + 1)
    response.once("close", () => {
      const before = connections.get(socket)
      if (before === undefined) return
      const busy = before - 1
      connections.set(socket, busy)
      if (closing && busy === 0) socket.end()
    })
  })
  return {
    endAll: Effect.sync(() => {
      closing = true
      for (const [socket, busy] of connections) {
        if (busy === 0) socket.end()
      }
    })
  }
}
