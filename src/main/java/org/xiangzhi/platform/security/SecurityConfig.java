package org.xiangzhi.platform.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** HTTP security of the whole application. */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

}
