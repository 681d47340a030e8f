#include "tests/support/metrics_scrape.h"

#include <curl/curl.h>

#include <cstdlib>
#include <memory>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"

namespace jixiao::testing {
namespace {

size_t Append(char* data, size_t size, size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

struct Sample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

// One line of the text format: name{a="x",b="y"} value. Label values here
// hold no quotes or commas (ours are method, code and cache names).
bool ParseSample(absl::string_view line, Sample* sample) {
  if (line.empty() || line[0] == '#') return false;
  const size_t space = line.rfind(' ');
  if (space == absl::string_view::npos) return false;
  if (!absl::SimpleAtod(line.substr(space + 1), &sample->value)) return false;
  absl::string_view series = line.substr(0, space);
  const size_t brace = series.find('{');
  sample->name = std::string(series.substr(0, brace));
  sample->labels.clear();
  if (brace == absl::string_view::npos) return true;
  absl::string_view labels = series.substr(brace + 1);
  if (!labels.empty() && labels.back() == '}') labels.remove_suffix(1);
  for (absl::string_view pair : absl::StrSplit(labels, ',', absl::SkipEmpty())) {
    const size_t equals = pair.find('=');
    if (equals == absl::string_view::npos) continue;
    absl::string_view value = pair.substr(equals + 1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    sample->labels[std::string(pair.substr(0, equals))] = std::string(value);
  }
  return true;
}

}  // namespace

absl::StatusOr<std::string> ScrapeMetrics(int port) {
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
  if (curl == nullptr) return absl::InternalError("curl_easy_init failed");
  const std::string url = absl::StrCat("http://127.0.0.1:", port, "/metrics");
  std::string body;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, Append);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 10000L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  const CURLcode result = curl_easy_perform(curl.get());
  if (result != CURLE_OK) {
    return absl::UnavailableError(absl::StrCat("GET ", url, ": ", curl_easy_strerror(result)));
  }
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) return absl::UnavailableError(absl::StrCat("GET ", url, ": HTTP ", status));
  return body;
}

double SumSamples(const std::string& exposition, const std::string& name,
                  const std::map<std::string, std::string>& labels) {
  double sum = 0;
  Sample sample;
  for (absl::string_view line : absl::StrSplit(exposition, '\n')) {
    if (!ParseSample(line, &sample) || sample.name != name) continue;
    bool matches = true;
    for (const auto& [key, value] : labels) {
      auto found = sample.labels.find(key);
      matches = matches && found != sample.labels.end() && found->second == value;
    }
    if (matches) sum += sample.value;
  }
  return sum;
}

bool HasSamples(const std::string& exposition, const std::string& name) {
  Sample sample;
  for (absl::string_view line : absl::StrSplit(exposition, '\n')) {
    if (ParseSample(line, &sample) && sample.name == name) return true;
  }
  return false;
}

}  // namespace jixiao::testing
