-- KEYS: catalog-ready, the latest-versions hash. ARGV: the scheme's card key
-- prefix, then the report ids. Replies {0} when the catalog is not ready, else
-- {1, version1, card1, version2, card2, ...} with version "0" and a nil card
-- for an unknown report, and a nil card for a miss.
if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
local reply = {1}
for i = 2, #ARGV do
  local version = redis.call('HGET', KEYS[2], ARGV[i])
  if version then
    reply[#reply + 1] = version
    reply[#reply + 1] = redis.call('GET', ARGV[1] .. ARGV[i] .. '@' .. version)
  else
    reply[#reply + 1] = '0'
    reply[#reply + 1] = false
  end
end
return reply
