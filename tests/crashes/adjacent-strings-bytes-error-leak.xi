# two strings side by side, the second a bytes literal: the text of the first
# was lost when the second failed (LeakSanitizer; found by the fuzzer)
import p
(""b""