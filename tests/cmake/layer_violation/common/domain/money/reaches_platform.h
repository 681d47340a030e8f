#pragma once
// A domain header that reaches into the platform: the layer check must refuse it.
#include "common/platform/redis/redis_client.h"
