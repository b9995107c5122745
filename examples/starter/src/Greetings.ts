/**
 * The application's own service. It knows nothing of MCP: the same service could back an HTTP API or a CLI.
 */
import { Context, Effect, Layer } from "effect"

export class Greetings extends Context.Tag("starter/Greetings")<Greetings, {
  readonly greet: (name: string, language: "en" | "fr" | "no") => Effect.Effect<string>
}>() {
  static readonly layer = Layer.succeed(Greetings, {
    greet: (name, language) =>
      Effect.succeed(`${language === "fr" ? "Bonjour" : language === "no" ? "Hei" : "Hello"}, ${name}!`)
  })
}
