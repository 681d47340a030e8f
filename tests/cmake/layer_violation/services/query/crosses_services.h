#pragma once
// A query header that reaches into the scoring service: the layer check must refuse it.
#include "services/scoring/engine/score_engine.h"
