-- KEYS: catalog-ready, the latest-versions hash, the departments hash, and
-- the cohort set or nothing. ARGV: the scheme's row key prefix, then (without
-- a cohort set) the report ids to read. Replies {0} when the catalog is not
-- ready, else {1, id1, version1, row1, department1, ...}: the row nil on a
-- miss, the department nil when a row was found. A listed id the catalog does
-- not know (no report that year) is left out.
if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
local from_cohort = #KEYS == 4
local ids = {}
if from_cohort then
  ids = redis.call('SMEMBERS', KEYS[4])
else
  for i = 2, #ARGV do ids[#ids + 1] = ARGV[i] end
end
local reply = {1}
-- A few multi-key calls rather than three calls per report: each redis.call
-- costs about a microsecond of Lua, which for a 200-department cohort would
-- be most of the script. In chunks, as unpack() is bounded by Lua's stack.
local function chunked(command, key, list)
  local out = {}
  for first = 1, #list, 1000 do
    local last = math.min(first + 999, #list)
    local part
    if key then
      part = redis.call(command, key, unpack(list, first, last))
    else
      part = redis.call(command, unpack(list, first, last))
    end
    for i = 1, last - first + 1 do out[#out + 1] = part[i] end
  end
  return out
end
local versions = chunked('HMGET', KEYS[2], ids)
local known, keys = {}, {}
for i, id in ipairs(ids) do
  if versions[i] or from_cohort then
    local version = versions[i] or '0'
    known[#known + 1] = {id, version}
    keys[#keys + 1] = ARGV[1] .. id .. '@' .. version
  end
end
local rows = chunked('MGET', nil, keys)
local missing = {}
for i = 1, #known do
  if not rows[i] then missing[#missing + 1] = known[i][1] end
end
local departments = {}
local found = chunked('HMGET', KEYS[3], missing)
for i, id in ipairs(missing) do departments[id] = found[i] end
for i, entry in ipairs(known) do
  reply[#reply + 1] = entry[1]
  reply[#reply + 1] = entry[2]
  reply[#reply + 1] = rows[i]
  reply[#reply + 1] = departments[entry[1]] or false
end
return reply
