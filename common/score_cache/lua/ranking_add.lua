-- KEYS: latest, rank-keys:{year}, the sets to add to...
-- ARGV: report_id, version, total
if tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') ~= tonumber(ARGV[2]) then return 0 end
for i = 3, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[3], ARGV[1])
  redis.call('SADD', KEYS[2], KEYS[i])
end
return 1
