/* placeholder */
#include "cipvs.h"
int cipvs_placeholder(void) { return 0; }
