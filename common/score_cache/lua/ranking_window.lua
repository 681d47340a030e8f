-- KEYS: catalog-ready, the cohort set, the rank set, the unranked set, the
-- latest-versions hash, the departments hash. ARGV: top_n, around report id
-- ('' for none), around_k.
-- Replies {ready, members, ranked, unranked} when the ranking does not cover
-- the cohort, else those four followed by
--   {start, first_rank, id, score, ...} for the top entries,
--   {start, first_rank, id, score, ...} for the entries around (start -1: none),
--   {id, version, department, ...} for every id listed once.
-- A range's first rank counts the strictly greater totals; ZCOUNT with an
-- exclusive bound is O(log n).
local ready = redis.call('EXISTS', KEYS[1])
local members = redis.call('SCARD', KEYS[2])
local ranked = redis.call('ZCARD', KEYS[3])
local unranked = redis.call('ZCARD', KEYS[4])
if ready == 0 or members ~= ranked + unranked then
  return {ready, members, ranked, unranked}
end
local listed = {}
local function range(start, stop)
  local out = {start, 1}
  if stop < start then return out end
  local flat = redis.call('ZREVRANGE', KEYS[3], start, stop, 'WITHSCORES')
  if #flat > 0 and start > 0 then
    out[2] = redis.call('ZCOUNT', KEYS[3], '(' .. flat[2], '+inf') + 1
  end
  for i = 1, #flat, 2 do
    out[#out + 1] = flat[i]
    out[#out + 1] = flat[i + 1]
    listed[flat[i]] = true
  end
  return out
end
local top = range(0, tonumber(ARGV[1]) - 1)
local around = {-1, 0}
if ARGV[2] ~= '' then
  local position = redis.call('ZREVRANK', KEYS[3], ARGV[2])
  if position then
    local k = tonumber(ARGV[3])
    around = range(math.max(position - k, 0), position + k)
  end
end
local ids = {}
for id in pairs(listed) do ids[#ids + 1] = id end
local reports = {}
if #ids > 0 then
  -- Two HMGETs rather than an HGET per id: each redis.call costs about a
  -- microsecond of Lua, which for 60 ids would double the script.
  local versions = redis.call('HMGET', KEYS[5], unpack(ids))
  local departments = redis.call('HMGET', KEYS[6], unpack(ids))
  for i, id in ipairs(ids) do
    reports[#reports + 1] = id
    reports[#reports + 1] = versions[i] or '0'
    reports[#reports + 1] = departments[i]
  end
end
return {ready, members, ranked, unranked, top, around, reports}
