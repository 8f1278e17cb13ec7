import { describe, expect, it } from "vitest";
import { parsePrefill } from "./prefill";

describe("parsePrefill", () => {
    it.each([
        ["#identifiant=810000000009&code=123456", { identifier: "810000000009", code: "123456", channel: "email" }],
        ["#code=123456&identifiant=10000000009", { identifier: "10000000009", code: "123456", channel: "email" }],
        ["#/?identifiant=8%2010000000009&code=123%20456&canal=sms", { identifier: "8 10000000009", code: "123456", channel: "sms" }],
        ["#identifiant=810000000009", { identifier: "810000000009" }],
        ["#identifiant=810000000008&code=123456", { identifier: "810000000008", code: "123456", channel: "email" }],
        ["#identifiant=<script>&code=123456", { code: "123456", channel: "email" }],
        ["#identifiant=810000000009&code=12345", { identifier: "810000000009" }],
        ["#code=abcdef", {}],
        ["", {}],
        ["#", {}]
    ])("%s", (hash, want) => {
        expect(parsePrefill(hash)).toEqual(want);
    });
});
