-- wrk script: POST /api/messages with expectReplies, a mix of English, Chinese and off-topic questions, spread over
-- CONVERSATIONS conversation ids (environment; default 10000) under the prefix PREFIX (default "bench").
local questions = {
  "Is it illegal for individuals to use paid international VPN services?",
  "can i use a vpn in china",
  "How does a company apply for a cross-border line?",
  "个人用付费VPN违法吗",
  "公司专线可以转租吗",
  "What's the weather tomorrow?",
  "my vpn client wont connect",
  "what are the penalties for individuals",
}
local conversations = tonumber(os.getenv("CONVERSATIONS") or "10000")
local prefix = os.getenv("PREFIX") or "bench"
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  per_thread = math.max(1, math.floor(conversations / tonumber(os.getenv("THREADS") or "2")))
end

function request()
  counter = counter + 1
  local conversation = prefix .. "-" .. tid .. "-" .. (counter % per_thread)
  local text = questions[(counter % #questions) + 1]
  local body = '{"type":"message","deliveryMode":"expectReplies","channelId":"emulator","serviceUrl":"http://localhost",'
    .. '"conversation":{"id":"' .. conversation .. '"},"from":{"id":"user-' .. conversation .. '"},"recipient":{"id":"bot"},'
    .. '"text":"' .. text .. '"}'
  return wrk.format(nil, "/api/messages", nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
