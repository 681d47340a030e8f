#pragma once

// The scheme a request scores under when it names none, and the one ingest
// rescores new versions under by default: the Guangzhou department scheme the
// seeds were published with. Each binary's option default, the CLI and query's
// fallback all read it from here.

namespace jixiao::scheme_resolution {

inline constexpr char kDefaultSchemeId[] = "guangzhou-department";

}  // namespace jixiao::scheme_resolution
