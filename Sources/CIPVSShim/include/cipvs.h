#ifndef CIPVS_H
#define CIPVS_H
int cipvs_placeholder(void);
#endif
