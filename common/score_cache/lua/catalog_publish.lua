-- KEYS: latest, departments, rank-keys:{year}, cohort keys...
-- ARGV: report_id, version, serialized department
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local version = tonumber(ARGV[2])
if version < current then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
for i = 4, #KEYS do redis.call('SADD', KEYS[i], ARGV[1]) end
if version > current then
  for _, key in ipairs(redis.call('SMEMBERS', KEYS[3])) do redis.call('ZREM', key, ARGV[1]) end
end
return 1
