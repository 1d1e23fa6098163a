package org.xiangzhi.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.account.PasswordPolicy;
import org.xiangzhi.platform.api.ApiTokenFilter;
import org.xiangzhi.platform.api.ApiTokens;

/**
 * HTTP security of the whole application: form login with lockout and address throttling,
 * pending steps (second factor, password change), integration tokens for the JSON API,
 * CSRF on every form, strict security headers. Authorisation by role is declared on the
 * controllers ({@code @PreAuthorize}); data scope is applied by the services.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private static final RequestMatcher API = RequestPaths::isApi;

	private static final LoginUrlAuthenticationEntryPoint LOGIN_PAGE = new LoginUrlAuthenticationEntryPoint("/login");

	private static final RequestMatcher BEARER = request -> {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	};

	/**
	 * The resident's pages: the QR report form ({@code /r/...}), tracking
	 * ({@code /track}) and their static assets ({@code /cases/public/...}).
	 */
	static final String[] PUBLIC_PAGES = { "/r/**", "/track", "/track/**", "/cases/public/**" };

	static final String OPEN311 = "/open311/v2/**";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AddressThrottle throttle, AuditLog audit,
			ApiTokens apiTokens, LogoutAudit logoutAudit) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error", "/error/**")
			.permitAll()
			.requestMatchers("/login")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/openapi.yaml")
			.permitAll()
			// residents' pages (QR report, tracking) and Open311 (api_key per client) are
			// public
			.requestMatchers(PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(OPEN311)
			.permitAll()
			.requestMatchers("/actuator/prometheus")
			.hasAnyRole("SYSTEM_ADMIN", "COUNTY_ADMIN")
			.requestMatchers("/actuator/**")
			.denyAll()
			.anyRequest()
			.authenticated());
		http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"));
		http.logout(logout -> logout.logoutUrl("/logout")
			.addLogoutHandler(logoutAudit)
			.logoutSuccessUrl("/login?logout")
			.invalidateHttpSession(true)
			.clearAuthentication(true)
			.deleteCookies("XZSESSION", "__Host-XZSESSION"));
		// Open311 clients are servers that send an api_key, not a browser session
		http.csrf(csrf -> csrf.ignoringRequestMatchers(BEARER).ignoringRequestMatchers(OPEN311));
		http.exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, failure) -> {
			if (API.matches(request)) {
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter().write("{\"status\":401,\"error\":\"unauthorized\"}");
			}
			else {
				LOGIN_PAGE.commence(request, response, failure);
			}
		}).accessDeniedHandler((request, response, denied) -> {
			if (API.matches(request)) {
				response.setStatus(HttpStatus.FORBIDDEN.value());
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter().write("{\"status\":403,\"error\":\"forbidden\"}");
			}
			else {
				AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
				page.setErrorPage("/error/forbidden");
				page.handle(request, response, denied);
			}
		}));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.frameOptions(frame -> frame.deny())
			.permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(self)")));
		http.addFilterBefore(new LoginThrottleFilter(throttle, audit), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new ApiTokenFilter(apiTokens), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new PendingStepFilter(), AuthorizationFilter.class);
		return http.build();
	}

	static boolean isApi(HttpServletRequest request) {
		return API.matches(request);
	}

}
