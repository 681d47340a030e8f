#include "common/platform/redis/sigpipe.h"

#include <gtest/gtest.h>
#include <signal.h>

namespace jixiao::redis {
namespace {

void RecordingHandler(int) {}

struct sigaction CurrentSigpipeAction() {
  struct sigaction current {};
  sigaction(SIGPIPE, nullptr, &current);
  return current;
}

void SetSigpipeHandler(void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  sigaction(SIGPIPE, &action, nullptr);
}

TEST(SigpipeTest, DefaultActionBecomesIgnore) {
  SetSigpipeHandler(SIG_DFL);
  IgnoreSigpipeIfDefault();
  EXPECT_EQ(CurrentSigpipeAction().sa_handler, SIG_IGN);
}

TEST(SigpipeTest, ApplicationHandlerIsLeftAlone) {
  SetSigpipeHandler(&RecordingHandler);
  IgnoreSigpipeIfDefault();
  EXPECT_EQ(CurrentSigpipeAction().sa_handler, &RecordingHandler);
  SetSigpipeHandler(SIG_DFL);
}

}  // namespace
}  // namespace jixiao::redis
